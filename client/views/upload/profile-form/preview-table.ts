import { h } from '../../../components/dom';
import { formatNumber } from '../../../../server/shared/i18n';
import type { PreviewLine, ProfilePreviewAnswer } from '../../../../server/shared/api/import-profile-preview';
import { currentLocale, t } from '../../../i18n/i18n';

/** One sentence of counts for the live region: what the sample would load, and what it would leave out. */
export function previewCountsText(answer: ProfilePreviewAnswer): string {
  const { read, invalid, filtered, unmapped, otherGeo, missing, summed } = answer.counts;
  return t('profile-form.preview-counts', {
    rows: answer.rowsRead,
    read,
    invalid,
    leftOut: filtered + unmapped + otherGeo + missing + summed,
  });
}

function valueText(line: PreviewLine): string {
  if (line.value === null) return line.outcome === 'read' || line.outcome === 'invalid' ? line.text : '';
  return formatNumber(line.value, currentLocale(), { maximumFractionDigits: 6 });
}

function outcomeText(line: PreviewLine): string {
  const label = t(`profile-form.outcome.${line.outcome}`);
  return line.reason ? `${label}: ${line.reason}` : label;
}

const HEADINGS = ['row', 'geo', 'indicator', 'period', 'value', 'outcome'] as const;

/**
 * The sample's first lines as they will be read. On a narrow screen each row stacks its cells under
 * their headings (styles.css), so the table never scrolls sideways at 360 px.
 */
export function previewTable(answer: ProfilePreviewAnswer): HTMLElement {
  const cells = (line: PreviewLine): string[] => [
    String(line.row),
    line.geo ?? '',
    line.indicator ?? '',
    line.period ?? '',
    valueText(line),
    outcomeText(line),
  ];
  return h(
    'table',
    { class: 'profile-preview-table' },
    h('caption', {
      text: t('profile-form.preview-caption', { count: answer.lines.length, format: answer.format ?? '—' }),
    }),
    h(
      'thead',
      {},
      h('tr', {}, ...HEADINGS.map((k) => h('th', { scope: 'col', text: t(`profile-form.preview-${k}`) }))),
    ),
    h(
      'tbody',
      {},
      ...answer.lines.map((line) =>
        h(
          'tr',
          { class: `outcome-${line.outcome}` },
          ...cells(line).map((text, i) =>
            i === 0
              ? h('th', { scope: 'row', 'data-label': t('profile-form.preview-row'), text })
              : h('td', { 'data-label': t(`profile-form.preview-${HEADINGS[i]}`), text }),
          ),
        ),
      ),
    ),
  );
}

/** What the reading said about the whole sample: the header, the encoding, unknown geos. */
export function previewProblems(answer: ProfilePreviewAnswer): HTMLElement | '' {
  if (!answer.problems.length) return '';
  return h(
    'ul',
    { class: 'profile-preview-problems' },
    ...answer.problems.map((p) =>
      h('li', {
        class: p.severity === 'error' ? 'error' : 'warning',
        text: p.row ? `${p.row}: ${p.message}` : p.message,
      }),
    ),
  );
}

export function readingText(answer: ProfilePreviewAnswer): string {
  return t('profile-form.preview-reading', {
    encoding: answer.encoding,
    delimiter: answer.delimiter,
    bytes: formatNumber(answer.sampleBytes, currentLocale()),
    complete: answer.complete ? 'yes' : 'no',
  });
}
