import { chartTitle } from '../../charts/chart-title';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale, t } from '../../i18n/i18n';
import type { ViewState } from '../../state/url-state';
import type { TrendsModel } from './state';

/**
 * The trend chart's title (indicator, measure, geos, years) and file name; in relative mode the unit
 * says "index, 2015 = 100" and the file name "index-2015".
 */
export function trendDescription(model: TrendsModel, state: ViewState): ChartDescription {
  const from = model.years[0] ?? 0;
  const to = model.years.at(-1) ?? from;
  const { title, subtitle } = chartTitle({
    indicator: model.indicatorName,
    unit: model.unit,
    where: model.series.map((s) => s.label),
    period: { from, to },
    locale: currentLocale(),
  });
  const index = state.base ? `-${t('trends.file-index', { base: state.base })}` : '';
  return {
    title,
    subtitle,
    indicator: model.indicatorName,
    unit: model.unit,
    period: from === to ? String(from) : `${from}–${to}`,
    fileStem: `${t('trends.file-stem', { indicator: state.indicator, measure: model.measure })}-${from}-${to}${index}`,
  };
}
