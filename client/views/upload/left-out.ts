import type { SkippedCounts, SubmissionPreview } from '../../api/types';
import { h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';

/**
 * Why rows were left out, in the order the page lists them (the keys of the reading's `skipped`;
 * `summed` is a roll-up's parts, added into another cell).
 */
export const LEFT_OUT_REASONS = [
  'filtered',
  'unmapped',
  'otherGeo',
  'missing',
  'summed',
] as const satisfies readonly (keyof SkippedCounts)[];

export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** The reasons rows were left out, with their counts, leaving out reasons that left out nothing. */
export function leftOutCounts(preview: Pick<SubmissionPreview, 'reading'>): { reason: LeftOutReason; count: number }[] {
  const skipped = preview.reading.skipped;
  return LEFT_OUT_REASONS.map((reason) => ({ reason, count: skipped[reason] ?? 0 })).filter((r) => r.count > 0);
}

/** One reason in words: "265 rows for other geos (another country's rows)". */
export function leftOutText(reason: LeftOutReason, count: number): string {
  return t(`upload-checks.left-out.${reason}`, { count });
}

/** Nothing hidden: every row the file held that is not a cell, counted by why. */
export function leftOutSection(preview: Pick<SubmissionPreview, 'reading' | 'rowsRead'>): HTMLElement {
  const counts = leftOutCounts(preview);
  const headingId = uniqueId('left-out-heading');
  return h(
    'section',
    { 'aria-labelledby': headingId, class: 'left-out' },
    h('h4', { id: headingId, text: t('upload-checks.left-out-heading') }),
    counts.length
      ? h(
          'ul',
          {},
          ...counts.map(({ reason, count }) => h('li', { 'data-reason': reason, text: leftOutText(reason, count) })),
        )
      : h('p', { text: t('upload-checks.left-out-none', { rows: preview.rowsRead }) }),
  );
}

/**
 * Why a submission cannot be committed, or null when it can (confirmations aside): a file that
 * loads no cell says so with its rows left out, whatever its status; a rejected one says to fix it.
 */
export function commitBlocker(
  preview: Pick<SubmissionPreview, 'status' | 'report' | 'rowsRead' | 'cellsValid' | 'reading'>,
): string | null {
  if (preview.cellsValid === 0 && preview.status !== 'committed') {
    const reasons = leftOutCounts(preview).map(({ reason, count }) => leftOutText(reason, count));
    return t('upload-checks.blocked-no-cells', {
      rows: preview.rowsRead,
      reasons: reasons.length ? reasons.join('; ') : t('upload-checks.no-reason'),
    });
  }
  return null;
}
