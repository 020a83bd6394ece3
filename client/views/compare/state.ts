import type { CompareResponse } from '../../../server/shared/api/analytics';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import { analyticsApi } from '../../api/client';
import type { BarRow } from '../../charts/bar-chart';
import { formatValue } from '../../charts/format';
import type { ViewState } from '../../state/url-state';
import { type Catalogue, defaultYearOf, effectiveMeasure, hasSource } from '../view-parts';

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
    label: r.geoName,
    value: r.value,
    flags: r.flags,
    warning: warnings.get(r.geo),
    highlighted: selected.includes(r.geo),
  }));
}

export function coverageText(answer: CompareResponse): string {
  const a = answer.aggregate;
  if (!a) return `No ${answer.group} aggregate for this indicator.`;
  const share =
    a.coverage.populationShare === null ? '' : `, ${Math.round(a.coverage.populationShare * 100)}% of the population`;
  const missing = a.coverage.missing.length ? ` Missing: ${a.coverage.missing.join(', ')}.` : '';
  const value = a.withheld
    ? `withheld: coverage below ${Math.round(a.threshold * 100)}%`
    : `${formatValue(a.value, answer.measure)}${a.flags ? ` (${a.flags})` : ''}`;
  const coverage = `${a.coverage.membersReporting} of ${a.coverage.members} members reporting${share}`;
  return `${a.group} aggregate (${a.rule}): ${value}. Coverage: ${coverage}.${missing} ${a.note}`.trim();
}
