import type { CompareResponse } from '../../../server/shared/api/analytics';
import { chartTitle } from '../../charts/chart-title';
import { measureUnit } from '../../charts/format';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale, t } from '../../i18n/i18n';
import type { CompareScope } from './scope';

/** Who is ranked, in a title's words: the EU's members, or the NUTS regions of a country or of Europe. */
export function scopeWhere(scope: CompareScope, countryName: (code: string) => string): string {
  if (scope.level === 0) return t('chart.eu-members');
  return scope.within
    ? t('regions.title-country', { level: scope.level, country: countryName(scope.within) })
    : t('regions.title-europe', { level: scope.level });
}

/** The ranked chart's title (indicator, measure, who is ranked, year) and file name. */
export function compareDescription(
  main: CompareResponse,
  scope: CompareScope = { level: 0, within: null },
  countryName: (code: string) => string = (code) => code,
): ChartDescription {
  const unit = measureUnit(main.measure);
  const { title } = chartTitle({
    indicator: main.indicator.name,
    unit,
    where: scopeWhere(scope, countryName),
    period: main.period,
    locale: currentLocale(),
  });
  const stem = t('compare.file-stem', { indicator: main.indicator.code, period: main.period, measure: main.measure });
  const regions = scope.level === 0 ? '' : `-nuts${scope.level}-${scope.within ?? main.group}`;
  return { title, indicator: main.indicator.name, unit, period: main.period, fileStem: `${stem}${regions}` };
}
