import type { CommitAnswer, CommitRequest, SubmissionPreview } from '../../api/types';
import { ApiError, readAnswer, writeHeaders } from '../../api/client';
import { currentLocale, t } from '../../i18n/i18n';

export function authMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t('upload.sign-in-first', { message: error.message });
  if (error instanceof ApiError && error.status === 403) return t('upload.not-for-country', { message: error.message });
  if (error instanceof ApiError && error.status === 413) return t('upload.too-large', { message: error.message });
  return error instanceof Error ? error.message : String(error);
}

/**
 * Uploads with XMLHttpRequest so the progress bar follows the bytes actually sent
 * (fetch has no upload progress).
 */
export function uploadSubmission(options: {
  file: File;
  geo: string;
  importProfile: string | null;
  onProgress: (sent: number, total: number) => void;
}): Promise<SubmissionPreview> {
  const form = new FormData();
  form.append('geo', options.geo);
  if (options.importProfile) form.append('profile', options.importProfile);
  form.append('file', options.file, options.file.name);
  const query = new URLSearchParams({
    geo: options.geo,
    ...(options.importProfile ? { profile: options.importProfile } : {}),
  });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/submissions?${query}`);
    for (const [name, value] of Object.entries(writeHeaders())) request.setRequestHeader(name, value);
    request.setRequestHeader('Accept-Language', currentLocale());
    request.upload.addEventListener('progress', (event) =>
      options.onProgress(event.loaded, event.lengthComputable ? event.total : options.file.size),
    );
    request.addEventListener('load', () => {
      const headers = new Headers({ 'content-type': request.getResponseHeader('content-type') ?? 'text/plain' });
      readAnswer<SubmissionPreview>(new Response(request.responseText, { status: request.status, headers })).then(
        resolve,
        reject,
      );
    });
    request.addEventListener('error', () => reject(new Error(t('upload.connection-lost'))));
    request.send(form);
  });
}

/** Commits a submission; `confirm` confirms its changes beyond threshold (all, or the cells named). */
export async function commitUpload(id: number, confirm?: CommitRequest['confirm']): Promise<CommitAnswer> {
  const response = await fetch(`/api/submissions/${id}/commit`, {
    method: 'POST',
    headers: writeHeaders({ 'Accept-Language': currentLocale(), 'Content-Type': 'application/json' }),
    body: JSON.stringify(confirm === undefined ? {} : { confirm }),
  });
  return readAnswer(response);
}

/** Downloads the pre-filled template through fetch, so a refusal shows as a message instead of a file of JSON. */
export async function fetchTemplate(geo: string): Promise<Blob> {
  const response = await fetch(`/api/submissions/template?geo=${encodeURIComponent(geo)}`, {
    headers: { 'Accept-Language': currentLocale() },
  });
  if (!response.ok) await readAnswer(response);
  return response.blob();
}
