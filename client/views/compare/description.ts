import type { CompareResponse } from '../../../server/shared/api/analytics';
import { chartTitle } from '../../charts/chart-title';
import { measureUnit } from '../../charts/format';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale, t } from '../../i18n/i18n';

/** The ranked chart's title (indicator, measure, the EU's members, year) and file name. */
export function compareDescription(main: CompareResponse): ChartDescription {
  const unit = measureUnit(main.measure);
  const { title } = chartTitle({
    indicator: main.indicator.name,
    unit,
    where: t('chart.eu-members'),
    period: main.period,
    locale: currentLocale(),
  });
  return {
    title,
    indicator: main.indicator.name,
    unit,
    period: main.period,
    fileStem: t('compare.file-stem', { indicator: main.indicator.code, period: main.period, measure: main.measure }),
  };
}
