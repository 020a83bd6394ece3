import type { SubmissionPreview } from '../../api/types';
import { h, uniqueId } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { formatNumber } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';

type Derived = NonNullable<SubmissionPreview['reading']['rollup']>['derived'][number];

/**
 * What roll-up did to the file (issue 19): how many cells were summed from how many parts, and each
 * national cell derived from regions with its coverage and the regions missing. Empty without roll-up.
 */
export function rollupSection(answer: SubmissionPreview): HTMLElement | '' {
  const rollup = answer.reading.rollup;
  if (!rollup || (rollup.summedCells === 0 && rollup.derivedCount === 0)) return '';
  const number = (n: number) => formatNumber(n, currentLocale());
  const headingId = uniqueId('rollup-heading');
  return h(
    'section',
    { 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: t('national.rollup.title') }),
    h('p', { text: t('national.rollup.summed', { count: rollup.summedCells }) }),
    rollup.partsPerCell.length
      ? h(
          'ul',
          {},
          ...rollup.partsPerCell.map((p) =>
            h('li', { text: t('national.rollup.parts-line', { parts: p.parts, cells: p.cells }) }),
          ),
        )
      : '',
    h('p', { text: t('national.rollup.derived', { count: rollup.derivedCount }) }),
    rollup.derived.length
      ? sortableTable<Derived>({
          caption: t('national.rollup.derived-caption'),
          rows: rollup.derived,
          sortBy: 'indicator',
          columns: [
            { key: 'geo', label: t('national.rollup.geo'), value: (d) => d.geo },
            { key: 'indicator', label: t('national.rollup.indicator'), value: (d) => d.indicator },
            { key: 'period', label: t('national.rollup.period'), value: (d) => d.period },
            {
              key: 'value',
              label: t('national.rollup.value'),
              value: (d) => d.value,
              format: (d) => (d.value === null ? '' : number(d.value)),
              numeric: true,
            },
            {
              key: 'coverage',
              label: t('national.rollup.coverage'),
              value: (d) =>
                t('national.rollup.coverage-value', { parts: d.parts, expected: d.expected, level: d.level }),
            },
            { key: 'missing', label: t('national.rollup.missing'), value: (d) => d.missing.join(', ') || '—' },
          ],
        })
      : '',
  );
}
