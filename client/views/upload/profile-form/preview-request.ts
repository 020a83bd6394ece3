import { sendJson } from '../../../api/client';
import { currentLocale } from '../../../i18n/i18n';
import {
  PREVIEW_JSON_BYTES,
  PREVIEW_SAMPLE_BYTES,
  type ProfilePreviewAnswer,
} from '../../../../server/shared/api/import-profile-preview';
import type { ProfileDraft } from './section';

/** The bytes the preview sends: a table file's head, or a JSON dataset whole when it fits. */
export async function sampleOf(file: File): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const json = /^\s*[[{]/.test(new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, ''));
  const limit = json ? PREVIEW_JSON_BYTES : PREVIEW_SAMPLE_BYTES;
  const bytes = new Uint8Array(await file.slice(0, limit).arrayBuffer());
  return { bytes, complete: file.size <= limit };
}

export function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000)
    text += String.fromCharCode(...bytes.subarray(at, Math.min(at + 0x8000, bytes.length)));
  return btoa(text);
}

/** Asks the server to read the sample with the draft profile (POST /api/import-profiles/preview). */
export function requestPreview(
  geo: string,
  profile: ProfileDraft,
  sample: { bytes: Uint8Array; complete: boolean },
): Promise<ProfilePreviewAnswer> {
  return sendJson('POST', `/api/import-profiles/preview?lang=${currentLocale()}`, {
    geo,
    profile,
    sample: base64Of(sample.bytes),
    complete: sample.complete,
  });
}
