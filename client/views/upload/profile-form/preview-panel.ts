import { errorBox, h, uniqueId } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import type { ProfilePreviewAnswer } from '../../../../server/shared/api/import-profile-preview';
import { requestPreview, sampleOf } from './preview-request';
import { previewCountsText, previewProblems, previewTable, readingText } from './preview-table';
import type { ProfileDraft } from './section';

/** How long the preview waits after the last change before it reads the sample again. */
export const PREVIEW_DEBOUNCE_MS = 400;

export interface PreviewPanel {
  element: HTMLElement;
  /** A file chosen elsewhere on the page (the upload's drop zone) becomes the sample too. */
  useFile(file: File): void;
  /** Reads the sample again, PREVIEW_DEBOUNCE_MS after the last call. */
  refresh(): void;
}

/**
 * The sample file and what the draft profile reads from it. Only the file's head (or a small JSON
 * dataset) is sent, to a route that writes nothing; the counts are announced in a polite live region.
 */
export function previewPanel(options: {
  draft: () => { profile: ProfileDraft; problems: string[] };
  geo: () => string;
  problemText: (error: unknown) => string;
  /** False while the form is closed: a file dropped for upload is previewed once the form opens. */
  active: () => boolean;
  onColumns: (columns: string[]) => void;
}): PreviewPanel {
  let sample: { bytes: Uint8Array; complete: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const id = uniqueId('profile-sample');
  const input = h('input', { id, type: 'file', class: 'file-input', accept: '.csv,.tsv,.txt,.json,text/csv' });
  const counts = h('p', { role: 'status', 'aria-live': 'polite', class: 'profile-preview-counts' });
  const result = h('div', { class: 'profile-preview' });

  const show = (answer: ProfilePreviewAnswer) => {
    options.onColumns(answer.columns);
    counts.textContent = previewCountsText(answer);
    result.replaceChildren(
      h('p', { class: 'hint', text: readingText(answer) }),
      previewProblems(answer),
      answer.lines.length ? previewTable(answer) : '',
    );
  };
  const read = async () => {
    if (!sample || !options.active()) return;
    const { profile, problems } = options.draft();
    const mine = ++asked;
    if (problems.length) {
      counts.textContent = t('profile-form.preview-waits');
      result.replaceChildren(errorBox(problems.join(' ')));
      return;
    }
    counts.textContent = t('profile-form.preview-reading-now');
    try {
      // The name is not read: a draft not yet named (or misnamed) previews all the same.
      const name = /^[a-z0-9][a-z0-9_-]{1,62}$/.test(profile.name) ? profile.name : 'draft';
      const answer = await requestPreview(options.geo(), { ...profile, name }, sample);
      if (mine === asked) show(answer);
    } catch (error) {
      if (mine !== asked) return;
      counts.textContent = t('profile-form.preview-failed');
      result.replaceChildren(errorBox(options.problemText(error)));
    }
  };
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void read(), PREVIEW_DEBOUNCE_MS);
  };
  const useFile = (file: File) => {
    void sampleOf(file).then((taken) => {
      sample = taken;
      clearTimeout(timer);
      void read();
    });
  };
  input.addEventListener('change', () => input.files?.[0] && useFile(input.files[0]));
  const element = h(
    'section',
    { class: 'profile-preview-panel', 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading`, text: t('profile-form.preview-heading') }),
    h('p', { class: 'hint', text: t('profile-form.preview-intro') }),
    h('div', { class: 'field' }, h('label', { for: id, text: t('profile-form.sample-file') }), input),
    counts,
    result,
  );
  return { element, useFile, refresh };
}
