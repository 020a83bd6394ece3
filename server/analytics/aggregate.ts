import { unionFlags } from '../cells/flags';
import { translate } from '../i18n/translate';
import type { GroupAggregate, Measure, MeasuredValue } from '../shared/api/analytics';
import type { LocalisedText } from '../shared/i18n';

/** An aggregate is withheld when its members cover less than this share of the group's population. */
export const COVERAGE_THRESHOLD = 0.9;

/**
 * Eurostat flagr's weighted method: a member's flag is carried to the aggregate when the members
 * carrying it hold at least this share of the aggregate's weight (see flagShare).
 */
export const FLAG_SHARE_THRESHOLD = 0.5;

export interface MemberFigure {
  geo: string;
  measured: MeasuredValue;
  /** POP_JAN of the member for the period; null when unknown. */
  population: number | null;
}

/**
 * The group aggregate by the indicator's rule:
 * - sum (counts): Σ counts of reporting members; as a rate, Σ counts ÷ Σ populations × 100,000 over
 *   the members that have both;
 * - population_weighted_mean: Σ value·population ÷ Σ population;
 * - none: no aggregate.
 * Coverage is measured by population: when a member's population is unknown the coverage cannot be
 * measured and the aggregate is withheld, with that reason, in every year alike; unless every member
 * contributes, which covers the whole group whatever its population (e.g. a sum of the counts of all
 * of a country's NUTS 3 regions, which have no population of their own).
 * Flags follow flagr's weighted method (FLAG_SHARE_THRESHOLD), plus `i` when not every member contributes.
 */
export function aggregateGroup(
  group: string,
  aggregation: string,
  measure: Measure,
  members: MemberFigure[],
): GroupAggregate | null {
  if (aggregation === 'none') return null;
  const weighted = measure === 'rate' || aggregation === 'population_weighted_mean';
  const contributing = members.filter((m) => m.measured.value !== null && (!weighted || (m.population ?? 0) > 0));
  const coverage = coverageOf(members, contributing);
  const unknown = members.filter((m) => m.population === null).map((m) => m.geo);
  const share = coverage.populationShare;
  const withheld = contributing.length === 0 || share === null || share < COVERAGE_THRESHOLD;
  const complete = contributing.length === members.length;
  const flagShares = flagSharesOf(contributing, weighted);
  const carried = Object.entries(flagShares)
    .filter(([, s]) => s >= FLAG_SHARE_THRESHOLD)
    .map(([flag]) => flag)
    .join('');
  return {
    group,
    rule: weighted ? 'population_weighted' : 'sum',
    value: withheld ? null : aggregateValue(contributing, measure, aggregation),
    flags: unionFlags(carried, complete ? '' : 'i'),
    flagShares,
    coverage,
    withheld,
    threshold: COVERAGE_THRESHOLD,
    ...noteOf(withheld, complete, coverage, unknown),
  };
}

/**
 * Each flag's share of the aggregate: the weight of the members carrying it ÷ the weight of all
 * contributing members. The weight is a member's part of the aggregate: its population for rates
 * and population-weighted means, its value for sums of counts.
 */
function flagSharesOf(contributing: MemberFigure[], weighted: boolean): Record<string, number> {
  const weightOf = (m: MemberFigure) => (weighted ? (m.population ?? 0) : Math.abs(m.measured.value ?? 0));
  const total = contributing.reduce((s, m) => s + weightOf(m), 0);
  const shares: Record<string, number> = {};
  if (!(total > 0)) return shares;
  for (const member of contributing) {
    for (const flag of new Set(member.measured.flags)) shares[flag] = (shares[flag] ?? 0) + weightOf(member) / total;
  }
  return shares;
}

function aggregateValue(contributing: MemberFigure[], measure: Measure, aggregation: string): number {
  if (measure === 'rate') {
    const counts = contributing.reduce((s, m) => s + (m.measured.count ?? 0), 0);
    const population = contributing.reduce((s, m) => s + (m.population ?? 0), 0);
    return (counts / population) * 100_000;
  }
  if (aggregation === 'population_weighted_mean') {
    const population = contributing.reduce((s, m) => s + (m.population ?? 0), 0);
    return contributing.reduce((s, m) => s + (m.measured.value ?? 0) * (m.population ?? 0), 0) / population;
  }
  return contributing.reduce((s, m) => s + (m.measured.value ?? 0), 0);
}

function coverageOf(members: MemberFigure[], contributing: MemberFigure[]) {
  const reporting = new Set(contributing.map((m) => m.geo));
  const allKnown = members.every((m) => m.population !== null);
  const total = members.reduce((s, m) => s + (m.population ?? 0), 0);
  const covered = contributing.reduce((s, m) => s + (m.population ?? 0), 0);
  return {
    membersReporting: contributing.length,
    members: members.length,
    populationShare:
      members.length > 0 && reporting.size === members.length ? 1 : allKnown && total > 0 ? covered / total : null,
    missing: members.filter((m) => !reporting.has(m.geo)).map((m) => m.geo),
  };
}

/**
 * Whether the aggregate is computed, and on what coverage: the note in English and as its message,
 * rendered in the reader's language when answered (answer-language.ts).
 */
function noteOf(
  withheld: boolean,
  complete: boolean,
  coverage: GroupAggregate['coverage'],
  unknown: string[],
): { note: string; noteMessage: LocalisedText } {
  const noteMessage = noteMessageOf(withheld, complete, coverage, unknown);
  return { note: translate('en', noteMessage), noteMessage };
}

function noteMessageOf(
  withheld: boolean,
  complete: boolean,
  coverage: GroupAggregate['coverage'],
  unknown: string[],
): LocalisedText {
  const share = coverage.populationShare;
  if (share === null)
    return unknown.length
      ? { key: 'analytics.aggregate.unknown-population', params: { geos: unknown.join(', ') } }
      : { key: 'analytics.aggregate.no-population' };
  if (withheld) return { key: 'analytics.aggregate.below-threshold', params: { share, threshold: COVERAGE_THRESHOLD } };
  if (!complete)
    return {
      key: 'analytics.aggregate.partial',
      params: { reporting: coverage.membersReporting, members: coverage.members, share },
    };
  return { key: 'analytics.aggregate.complete', params: { members: coverage.members } };
}
