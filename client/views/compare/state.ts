import type { CompareResponse } from '../../../server/shared/api/analytics';
import { analyticsApi } from '../../api/client';
import type { BarRow } from '../../charts/bar-chart';
import { formatValue } from '../../charts/format';
import type { ViewState } from '../../state/url-state';
import { type Catalogue, defaultYear, defaultYearOf, effectiveMeasure, hasSource, yearOf } from '../view-parts';
import { formatList, formatShare } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';
import { aggregationRule, geoLabel } from '../geo-label';
import type { Indicator, Observation } from '../../api/types';
import { catalogueApi } from '../../api/client';
import { type CellContext, cellApi } from '../../api/cells';
import type { Measure } from '../../charts/format';
import { warningsByGeo } from './warnings';
import { type CompareScope, compareScope, scopeGroup } from './scope';
import { sourceNames } from '../../components/source-names';

/** The years an indicator has counts in, and the years it has rates in (those with a population). */
export interface CompareYears {
  counts: number[];
  rates: number[];
}

/** What is shown: the year, and the measure, which is the count when that year cannot have rates. */
export interface CompareChoice {
  year: number;
  measure: Measure;
  /** True when rates were asked for a year without any (no population for it): counts are shown instead. */
  ratesUnavailable: boolean;
}

const yearsOf = (observations: Observation[]) =>
  [...new Set(observations.filter((o) => o.value !== null).map((o) => yearOf(o.period)))].sort((a, b) => a - b);

/**
 * The observations that tell the years: the countries' and aggregates', or for regions the NUTS 1
 * regions' (of the country compared, if one is). A regional source publishes every level of a country
 * for the same years (crim_gen_reg does), and NUTS 1 is a tenth of the NUTS 3 answer's size.
 */
async function yearObservations(
  indicator: Indicator,
  measure: Measure,
  asOf: string | null,
  scope: CompareScope,
): Promise<Observation[]> {
  const answer = await catalogueApi.observations({
    indicator: [indicator.code],
    measure,
    asOf,
    level: scope.level === 0 ? 0 : 1,
  });
  return scope.within ? answer.data.filter((o) => o.geo.startsWith(scope.within!)) : answer.data;
}

/** The years with counts and with rates, from the countries' and aggregates' (or the regions') published cells. */
export async function loadCompareYears(
  indicator: Indicator | undefined,
  asOf: string | null,
  scope: CompareScope = { level: 0, within: null },
): Promise<CompareYears> {
  if (!indicator) return { counts: [], rates: [] };
  const read = (measure: Measure) => yearObservations(indicator, measure, asOf, scope).then(yearsOf);
  const [counts, rates] = await Promise.all([
    read('count'),
    indicator.rate_derivable ? read('rate') : Promise.resolve([]),
  ]);
  return { counts, rates };
}

/** The default year: the countries' (defaultYearOf), or the latest year most of the regions compared cover. */
function fallbackYearOf(indicator: Indicator | undefined, measure: Measure, state: ViewState, scope: CompareScope) {
  if (state.year) return Promise.resolve(null);
  if (scope.level === 0 || !indicator) return defaultYearOf(state.indicator, measure, state.asOf);
  return yearObservations(indicator, measure, state.asOf, scope).then(defaultYear);
}

/**
 * The year and measure to show: the year asked for (else the default), in the measure asked for when
 * that year can have it. A rate asked for a year without population gives the counts and says so.
 */
export function compareChoice(
  asked: { year: number | null; measure: Measure },
  years: CompareYears,
  fallbackYear: number | null,
): CompareChoice {
  const year = asked.year ?? fallbackYear ?? years.rates.at(-1) ?? years.counts.at(-1) ?? new Date().getFullYear() - 1;
  const ratesUnavailable = asked.measure === 'rate' && !years.rates.includes(year) && years.counts.includes(year);
  return { year, measure: ratesUnavailable ? 'count' : asked.measure, ratesUnavailable };
}

/** The year picker's choices: every year with counts (and the year shown, should it have none). */
export function yearChoices(years: CompareYears, shown: number): number[] {
  return [...new Set([...years.counts, shown])].sort((a, b) => a - b);
}

/** What the view shows: the chosen indicator ranked, and up to five indicators of the same theme beside it. */
export interface Comparison {
  main: CompareResponse;
  others: CompareResponse[];
  year: number;
  choice: CompareChoice;
  years: CompareYears;
  /** Countries, or which regions (issue 19). */
  scope: CompareScope;
  /** For regions, the sources their figures come from (not the indicator's national one); null for countries. */
  regionalSource: string | null;
  /** The main indicator's cells' notes and version counts, by cellKeyOf (issue 20, item 9). */
  contexts: Map<string, CellContext>;
}

export async function loadComparison(state: ViewState, catalogue: Catalogue): Promise<Comparison> {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  const asked = effectiveMeasure(indicator, state.measure);
  const scope = compareScope(state);
  const [years, fallbackYear] = await Promise.all([
    loadCompareYears(indicator, state.asOf, scope),
    fallbackYearOf(indicator, asked, state, scope),
  ]);
  const choice = compareChoice({ year: state.year, measure: asked }, years, fallbackYear);
  const { year, measure } = choice;
  const siblings = catalogue.indicators
    .filter((i) => hasSource(i) && i.theme === indicator?.theme && i.code !== state.indicator)
    .slice(0, 5);
  const compare = (code: string, m: ViewState['measure']) =>
    analyticsApi.compare({
      indicator: code,
      period: String(year),
      measure: m,
      group: scopeGroup(scope),
      level: scope.level === 0 ? undefined : scope.level,
      asOf: state.asOf,
    });
  const [main, others, contexts] = await Promise.all([
    compare(state.indicator, measure),
    Promise.all(siblings.map((i) => compare(i.code, effectiveMeasure(i, measure)).catch(() => null))),
    cellApi
      .context({ indicator: [state.indicator], period: [String(year)], asOf: state.asOf })
      .catch(() => new Map<string, CellContext>()),
  ]);
  // A regional ranking leaves out the siblings without any regional figure (an empty panel says nothing).
  const shown = others.filter(
    (o): o is CompareResponse => o !== null && (scope.level === 0 || o.rows.some((r) => r.value !== null)),
  );
  const regionalSource = scope.level === 0 ? null : await sourceNames(main.rows.map((r) => r.source));
  return { main, others: shown, year, choice, years, scope, contexts, regionalSource };
}

export function barRows(answer: CompareResponse, selected: string[]): BarRow[] {
  const warnings = warningsByGeo(answer);
  return answer.rows.map((r) => ({
    geo: r.geo,
    label: geoLabel(r.geo, r.geoName),
    value: r.value,
    flags: r.flags,
    warning: warnings.get(r.geo),
    highlighted: selected.includes(r.geo),
  }));
}

export function coverageText(answer: CompareResponse): string {
  const a = answer.aggregate;
  const locale = currentLocale();
  const group = geoLabel(answer.group);
  if (!a) return t('compare.no-aggregate', { group });
  const value = a.withheld
    ? a.coverage.populationShare === null
      ? t('numbers.withheld-unmeasured', { threshold: formatShare(a.threshold, locale, 0) })
      : t('compare.withheld', { threshold: formatShare(a.threshold, locale, 0) })
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
    ? t('compare.missing', {
        geos: formatList(
          a.coverage.missing.map((g) => geoLabel(g)),
          locale,
        ),
      })
    : '';
  const rule = aggregationRule(a.rule);
  // The server's note is English and names codes; withheld and complete are said by the lines above.
  return [t('compare.aggregate', { group, rule, value, coverage }), missing].filter(Boolean).join(' ');
}
