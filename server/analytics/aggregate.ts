import { unionFlags } from '../observations/flags';
import type { GroupAggregate, Measure, MeasuredValue } from './analytics.types';
import { roundRate } from './rate';

/** An aggregate is withheld when its members cover less than this share of the group's population. */
export const COVERAGE_THRESHOLD = 0.9;

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
 * Flags (flagr-like "any" rule): the union of the contributing members' flags, plus `i` (see
 * metadata: the coverage) when not every member contributes. Below the threshold the value is withheld.
 */
export function aggregateGroup(group: string, aggregation: string, measure: Measure, members: MemberFigure[]): GroupAggregate | null {
  if (aggregation === 'none') return null;
  const weighted = measure === 'rate' || aggregation === 'population_weighted_mean';
  const contributing = members.filter((m) => m.measured.value !== null && (!weighted || (m.population ?? 0) > 0));
  const coverage = coverageOf(members, contributing);
  const share = coverage.populationShare ?? coverage.membersReporting / Math.max(1, coverage.members);
  const withheld = contributing.length === 0 || share < COVERAGE_THRESHOLD;
  const complete = contributing.length === members.length;
  const flags = unionFlags(...contributing.map((m) => m.measured.flags), complete ? '' : 'i');
  return {
    group,
    rule: weighted ? 'population_weighted' : 'sum',
    value: withheld ? null : aggregateValue(contributing, measure, aggregation),
    flags,
    coverage,
    withheld,
    threshold: COVERAGE_THRESHOLD,
    note: noteOf(withheld, complete, coverage, share),
  };
}

function aggregateValue(contributing: MemberFigure[], measure: Measure, aggregation: string): number {
  if (measure === 'rate') {
    const counts = contributing.reduce((s, m) => s + (m.measured.count ?? 0), 0);
    const population = contributing.reduce((s, m) => s + (m.population ?? 0), 0);
    return roundRate((counts / population) * 100_000);
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
    populationShare: allKnown && total > 0 ? covered / total : null,
    missing: members.filter((m) => !reporting.has(m.geo)).map((m) => m.geo),
  };
}

function noteOf(withheld: boolean, complete: boolean, coverage: GroupAggregate['coverage'], share: number): string {
  const basis = coverage.populationShare === null ? 'of the members (population unknown for some)' : 'of the population';
  const pct = `${(share * 100).toFixed(1)}% ${basis}`;
  if (withheld) return `Withheld: reporting members cover ${pct}, below the ${COVERAGE_THRESHOLD * 100}% threshold.`;
  if (!complete) return `Partial: ${coverage.membersReporting} of ${coverage.members} members report (${pct}); flagged i.`;
  return `Complete: all ${coverage.members} members report.`;
}
