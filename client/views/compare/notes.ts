import type { CompareResponse } from '../../../server/shared/api/analytics';
import { formatNumber } from '../../../server/shared/i18n/format';
import { h } from '../../components/dom';
import { currentLocale, t } from '../../i18n/i18n';
import { type ChartSubset, EDGE, publishedRates } from './scope';

const count = (n: number) => formatNumber(n, currentLocale());

/** "402 of 402 regions have a figure for 2019." */
export function regionCoverageText(answer: CompareResponse): string {
  const reporting = answer.rows.filter((r) => r.value !== null).length;
  return t('compare.region-coverage', {
    reporting: count(reporting),
    regions: count(answer.rows.length),
    year: answer.period,
  });
}

/**
 * What a regional ranking must say beside its chart: that counts are counts (regions differ greatly in
 * population), whose rates these are (Eurostat's published ones, for regions without a population), and
 * which bars the chart leaves to the table.
 */
export function regionalNotes(answer: CompareResponse, subset: ChartSubset): HTMLElement[] {
  const notes: HTMLElement[] = [];
  if (answer.measure === 'count')
    notes.push(h('p', { class: 'notice count-warning', 'data-counts': '', text: t('regions.count-warning') }));
  else if (publishedRates(answer))
    notes.push(h('p', { class: 'notice', 'data-published-rates': '', text: t('regions.published-rate') }));
  if (subset.partial)
    notes.push(
      h('p', {
        class: 'hint',
        'data-chart-subset': '',
        text: t('compare.chart-subset', {
          edge: EDGE,
          ranked: count(subset.ranked),
          total: count(answer.rows.length),
        }),
      }),
    );
  if (subset.withoutData)
    notes.push(h('p', { class: 'hint', text: t('compare.regions-without-data', { count: subset.withoutData }) }));
  if (subset.extraRegio) notes.push(h('p', { class: 'hint', text: t('compare.extra-regio') }));
  notes.push(h('p', { class: 'coverage', text: regionCoverageText(answer) }));
  return notes;
}
