import { chartTitle } from '../../charts/chart-title';
import { measureUnit, type Measure } from '../../charts/format';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale, t } from '../../i18n/i18n';

/** The map's title (indicator, measure, Europe's countries, year), file name (with the year) and credit. */
export function mapDescription(
  indicator: { code: string; name: string },
  measure: Measure,
  year: number | null,
): ChartDescription {
  const unit = measureUnit(measure);
  const period = year === null ? t('explore.no-year') : String(year);
  const { title } = chartTitle({
    indicator: indicator.name,
    unit,
    where: t('chart.european-countries'),
    period,
    locale: currentLocale(),
  });
  return {
    title,
    indicator: indicator.name,
    unit,
    period,
    fileStem: `${t('explore.file-stem', { indicator: indicator.code, measure })}-${period}`,
    credit: t('explore.credit'),
  };
}
