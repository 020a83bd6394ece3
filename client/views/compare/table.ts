import type { CompareResponse, CompareRow } from '../../../server/shared/api/analytics';
import { formatPlain, formatValue, measureUnit } from '../../charts/format';
import { type CellContext, cellKeyOf } from '../../api/cells';
import { cellContextText, cellHistoryButton } from '../../components/cell-history';
import { h } from '../../components/dom';
import type { Column, TableSpec } from '../../components/sortable-table';
import { currentLocale, t } from '../../i18n/i18n';
import { geoLabel, geoLabelWithCode } from '../geo-label';
import { publishedRates } from './scope';
import { warningsByGeo } from './warnings';

/** A region's name with its NUTS code ("Berlin (DE300)"); a country's as geoLabelWithCode names it. */
export function rowLabel(row: CompareRow, regional: boolean): string {
  return regional ? `${row.geoName} (${row.geo})` : geoLabelWithCode(row.geo, row.geoName);
}

/** Whose rate a row shows: Eurostat's published one is said so; a rate the observatory computed is not. */
function rateSourceColumn(): Column<CompareRow> {
  return {
    key: 'rateSource',
    label: t('regions.column-rate-source'),
    value: (r) =>
      r.rateSource ? t('regions.rate-source-eurostat') : r.value === null ? '' : t('compare.rate-computed'),
  };
}

/**
 * The ranking as a table: every row (all 1,193 NUTS 3 regions of the EU, too), sortable by each
 * column. `contexts` adds each cell's history (the small multiples' tables leave it out).
 */
export function comparisonTable(
  answer: CompareResponse,
  title: string,
  options: { regional: boolean; contexts?: Map<string, CellContext> },
): TableSpec<CompareRow> {
  const { regional, contexts } = options;
  const warnings = warningsByGeo(answer);
  const cellOf = (r: CompareRow) => ({ geo: r.geo, indicator: answer.indicator.code, period: r.period });
  const contextOf = (r: CompareRow) => contexts?.get(cellKeyOf(cellOf(r)));
  const columns: Column<CompareRow>[] = [
    {
      key: 'geo',
      label: regional ? t('regions.column-region') : t('explore.country'),
      value: (r) => rowLabel(r, regional),
    },
    {
      key: 'value',
      label: t('views.value-column', { unit: measureUnit(answer.measure) }),
      value: (r) => r.value,
      format: (r) => formatValue(r.value, answer.measure, currentLocale()),
      numeric: true,
    },
    ...(publishedRates(answer) ? [rateSourceColumn()] : []),
    { key: 'flags', label: t('views.flags'), value: (r) => r.flags },
    { key: 'rank', label: t('explore.rank'), value: (r) => r.rank, numeric: true },
    {
      key: 'robustZ',
      label: t('compare.robust-z'),
      value: (r) => (r.robustZ === null ? null : Math.round(r.robustZ * 100) / 100),
      format: (r) => (r.robustZ === null ? '—' : formatPlain(r.robustZ, currentLocale(), 2)),
      numeric: true,
    },
    { key: 'warning', label: t('compare.comparability'), value: (r) => warnings.get(r.geo) ?? '' },
  ];
  if (contexts)
    columns.push({
      key: 'history',
      label: t('history.column'),
      value: (r) => cellContextText(contextOf(r)),
      cell: (r) =>
        r.count === null
          ? h('span', {})
          : cellHistoryButton(
              { ...cellOf(r), label: `${geoLabel(r.geo, r.geoName)}, ${answer.indicator.name}` },
              contextOf(r),
            ),
    });
  return { caption: title, rows: answer.rows, sortBy: 'rank', columns };
}
