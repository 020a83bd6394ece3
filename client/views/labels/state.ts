import { getFresh, sendJson } from '../../api/client';
import type {
  LabelEntry,
  LabelListAnswer,
  LabelReviewInput,
  LabelReviewScope,
  LabelStatus,
} from '../../../server/shared/api/labels';
import type { Locale } from '../../../server/shared/i18n/locales';

/** What is left to review in a language: the observatory's own translations, the unconfirmed official ones, and gaps. */
export const PENDING: readonly LabelStatus[] = ['unreviewed', 'official', 'fallback'];

export type LabelFilter = 'pending' | 'all';

export interface LabelRow {
  subject: string;
  code: string;
  english: string;
  text: string;
  status: LabelStatus;
  source: string;
}

/** The rows of one language to show, pending ones first and then by subject and code. */
export function labelRows(entries: readonly LabelEntry[], locale: Locale, filter: LabelFilter): LabelRow[] {
  const rows = entries
    .map((entry) => {
      const label = entry.labels[locale];
      return {
        subject: entry.subject,
        code: entry.code,
        english: entry.labels.en.text,
        text: label.fallback ? '' : label.text,
        status: label.status,
        source: label.source,
      };
    })
    .filter((row) => filter === 'all' || PENDING.includes(row.status));
  const rank = (row: LabelRow) => (PENDING.includes(row.status) ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || a.subject.localeCompare(b.subject) || a.code.localeCompare(b.code));
}

/** Counts per status, for the summary line. */
export function statusCounts(rows: readonly LabelRow[]): Partial<Record<LabelStatus, number>> {
  const counts: Partial<Record<LabelStatus, number>> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

export async function loadScope(): Promise<Locale[]> {
  return (await getFresh<LabelReviewScope>('/api/labels/review-scope')).locales;
}

export async function loadLabels(locale: Locale): Promise<LabelEntry[]> {
  return (await getFresh<LabelListAnswer>('/api/labels', { locale })).data;
}

/** Approves the text as it is (no text) or corrects it; either adds a revision on the server. */
export async function reviewLabel(row: LabelRow, locale: Locale, review: LabelReviewInput): Promise<void> {
  const path = `/api/labels/${encodeURIComponent(row.subject)}/${encodeURIComponent(row.code)}/${locale}/review`;
  await sendJson('POST', path, review);
}
