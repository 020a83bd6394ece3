import type { CompareResponse } from '../../../server/shared/api/analytics';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import { analyticsApi } from '../../api/client';
import type { BarRow } from '../../charts/bar-chart';
import { formatValue } from '../../charts/format';
import type { ViewState } from '../../state/url-state';
import { type Catalogue, defaultYearOf, effectiveMeasure, hasSource } from '../view-parts';
import { formatList, formatShare } from '../../../server/shared/i18n/format';
import { currentLocale, geoName, t } from '../../i18n/i18n';

export const YEARS = Array.from({ length: 2022 - 2008 + 1 }, (_, i) => 2008 + i);

/** What the view shows: the chosen indicator ranked, and up to five indicators of the same theme beside it. */
export interface Comparison {
  main: CompareResponse;
  others: CompareResponse[];
  year: number;
}

export async function loadComparison(state: ViewState, catalogue: Catalogue): Promise<Comparison> {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  const measure = effectiveMeasure(indicator, state.measure);
  const year = state.year ?? (await defaultYearOf(state.indicator, measure, state.asOf)) ?? 2021;
  const siblings = catalogue.indicators
    .filter((i) => hasSource(i) && i.theme === indicator?.theme && i.code !== state.indicator)
    .slice(0, 5);
  const compare = (code: string, m: ViewState['measure']) =>
    analyticsApi.compare({
      indicator: code,
      period: String(year),
      measure: m,
      group: REFERENCE_GROUP,
      asOf: state.asOf,
    });
  const [main, others] = await Promise.all([
    compare(state.indicator, measure),
    Promise.all(siblings.map((i) => compare(i.code, effectiveMeasure(i, measure)).catch(() => null))),
  ]);
  return { main, others: others.filter((o): o is CompareResponse => o !== null), year };
}

export function barRows(answer: CompareResponse, selected: string[]): BarRow[] {
  const warnings = new Map(answer.warnings.map((w) => [w.geo, w.reason]));
  return answer.rows.map((r) => ({
    geo: r.geo,
    label: geoName(r.geo, r.geoName),
    value: r.value,
    flags: r.flags,
    warning: warnings.get(r.geo),
    highlighted: selected.includes(r.geo),
  }));
}

export function coverageText(answer: CompareResponse): string {
  const a = answer.aggregate;
  const locale = currentLocale();
  if (!a) return t('compare.no-aggregate', { group: answer.group });
  const value = a.withheld
    ? t('compare.withheld', { threshold: formatShare(a.threshold, locale, 0) })
    : `${formatValue(a.value, answer.measure, locale)}${a.flags ? ` (${a.flags})` : ''}`;
  const coverage =
    a.coverage.populationShare === null
      ? t('compare.coverage', { reporting: a.coverage.membersReporting, members: a.coverage.members })
      : t('compare.coverage-share', {
          reporting: a.coverage.membersReporting,
          members: a.coverage.members,
          share: formatShare(a.coverage.populationShare, locale, 0),
        });
  const missing = a.coverage.missing.length
    ? t('compare.missing', { geos: formatList(a.coverage.missing, locale) })
    : '';
  return [t('compare.aggregate', { group: a.group, rule: a.rule, value, coverage }), missing, a.note]
    .filter(Boolean)
    .join(' ');
}
