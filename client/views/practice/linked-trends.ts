import type { PracticeDetail } from '../../api/types';
import { renderLineChart } from '../../charts/line-chart';
import { formatValue, measureUnit } from '../../charts/format';
import { chartPanel } from '../../components/chart-panel';
import { h } from '../../components/dom';
import { currentLocale, t } from '../../i18n/i18n';
import type { ViewState } from '../../state/url-state';
import { trendRows, type TrendTableRow } from '../trends/series';
import type { ViewContext } from '../view-context';
import { asOfHref, geoName, sourceText, type Catalogue } from '../view-parts';
import { formatList } from '../../../server/shared/i18n/format';
import { type LinkedTrend, linkedScope, loadLinkedFigures } from './state';

function trendPanel(
  linked: LinkedTrend,
  detail: PracticeDetail,
  catalogue: Catalogue,
  context: ViewContext,
  note: string | null,
): HTMLElement {
  const { code, measure, series, title, trends } = linked;
  const geos = series.map((x) => x.geo);
  const indicator = catalogue.indicatorByCode.get(code);
  const panel = chartPanel({
    title,
    fileStem: t('practice.file-stem', { slug: detail.slug, code: measure === 'rate' ? code : `${code}-count` }),
    tab: 'chart',
    onTab: () => undefined,
    table: {
      caption: title,
      rows: trendRows(series),
      sortBy: 'year',
      columns: [
        { key: 'geo', label: t('trends.geo'), value: (r: TrendTableRow) => geoName(catalogue, r.geo) },
        { key: 'year', label: t('component.year'), value: (r) => r.year, numeric: true },
        {
          key: 'value',
          label: t('practice.value'),
          value: (r) => r.value,
          format: (r) => formatValue(r.value, measure, currentLocale()),
          numeric: true,
        },
        { key: 'flags', label: t('views.flags'), value: (r) => r.flags },
      ],
    },
    source: {
      source: sourceText(indicator),
      dataVersion: trends[0]?.meta.dataVersion ?? null,
      asOfHref: asOfHref(context, trends[0]?.meta.dataVersion ?? null),
    },
    notes: [
      ...(note ? [h('p', { class: 'notice', text: note })] : []),
      h(
        'p',
        {},
        h('a', {
          href: context.hrefFor({ view: 'trends', id: null, indicator: code, geos, measure }),
          text: t('practice.open-in-trends'),
        }),
      ),
    ],
  });
  const markers =
    detail.record.startYear === null
      ? []
      : geos.map((geo) => ({
          geo,
          year: detail.record.startYear!,
          href: context.hrefFor({ view: 'practice', id: detail.slug }),
          title: detail.record.title,
        }));
  panel.setSvg(
    renderLineChart(series, {
      title,
      yLabel: measureUnit(measure),
      locale: currentLocale(),
      width: 480,
      height: 260,
      markers,
    }),
  );
  return h('div', { class: 'card' }, h('h4', { text: title }), panel.element);
}

/**
 * The linked indicators' trends in the practice's countries: rates where they can be computed, and
 * counts, said so with the reason, for the countries without (England and Wales has counts but no
 * population in the observatory, so no rate: it used to read "No data yet").
 */
export async function linkedTrends(
  detail: PracticeDetail,
  catalogue: Catalogue,
  context: ViewContext,
  state: ViewState,
): Promise<HTMLElement> {
  const { geos, indicators } = linkedScope(detail, catalogue);
  if (!geos.length || !indicators.length) return h('p', { text: t('practice.no-linked') });
  const locale = currentLocale();
  const names = (codes: string[]) =>
    formatList(
      codes.map((g) => geoName(catalogue, g)),
      locale,
    );
  const figures = await Promise.all(indicators.map((code) => loadLinkedFigures(code, geos, catalogue, state.asOf)));
  const panels = figures.flatMap(({ rates, counts }) => [
    ...(rates ? [trendPanel(rates, detail, catalogue, context, null)] : []),
    ...(counts
      ? [
          trendPanel(
            counts.trend,
            detail,
            catalogue,
            context,
            t(counts.noPopulation ? 'practice-find.counts-no-population' : 'practice-find.counts-no-rate', {
              geos: names(counts.geos),
            }),
          ),
        ]
      : []),
  ]);
  if (!panels.length) return h('p', { text: t('practice.no-data', { geos: names(geos) }) });
  return h('div', { class: 'multiples' }, h('div', { class: 'grid' }, ...panels));
}
