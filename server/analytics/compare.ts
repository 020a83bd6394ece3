import type { DbOrTx } from '../db/database';
import { parsePeriod } from '../cells/period';
import { badRequest } from '../http/errors';
import { aggregateGroup, type MemberFigure } from './aggregate';
import type { CompareResponse, CompareRow, Measure, MeasuredValue } from '../shared/api/analytics';
import { type Catalogue, groupFor, indicatorFor, regionGroupFor, summarise } from './catalogue';
import { withPublishedRates } from './published-rate';
import { cellIndex, cellKey, readCells } from './cell.repository';
import { comparabilityWarnings, profileDefinitionNotes } from './comparability';
import { measuredCount, measuredRate, POPULATION_INDICATOR } from './rate';
import { robustZ, spreadOf, zScore } from './statistics/robust';

export interface CompareRequest {
  indicator: string;
  period: string;
  measure: Measure;
  group: string;
  /** NUTS level 1–3: compare the group's regions of that level instead of its members. */
  level?: number;
  asOf: string | null;
  /** False when no committed submission used an import profile: no profile notes to look up. */
  profiles?: boolean;
  /** The data version's key (readDataVersion): population cells then come from the per-version cache. */
  versionKey?: string;
}

export type Comparison = Omit<CompareResponse, 'meta'>;

export async function compareGroup(db: DbOrTx, catalogue: Catalogue, request: CompareRequest): Promise<Comparison> {
  const { period, measure } = request;
  if (!parsePeriod(period)) throw badRequest({ key: 'analytics.bad-period', params: { period } });
  const indicator = indicatorFor(catalogue, request.indicator, measure);
  const group = request.level
    ? regionGroupFor(catalogue, request.group, request.level)
    : groupFor(catalogue, request.group);
  const geos = group.members.map((m) => m.code);
  const cells = cellIndex(
    await readCells(
      db,
      { indicators: [indicator.code, POPULATION_INDICATOR], geos, periods: [period] },
      request.asOf,
      request.versionKey,
    ),
  );
  const measuredMembers = group.members.map(({ code, name }) => {
    const cell = cells.get(cellKey(indicator.code, code, period));
    const population = cells.get(cellKey(POPULATION_INDICATOR, code, period));
    const measured =
      measure === 'rate' ? measuredRate(cell, population, code, period) : measuredCount(cell, code, period);
    return { geo: code, name, period, measured, population: population?.value ?? null };
  });
  const members: (MemberFigure & { name: string })[] =
    measure === 'rate' && request.level
      ? await withPublishedRates(db, indicator.code, measuredMembers)
      : measuredMembers;
  const aggregate = aggregateGroup(group.code, indicator.aggregation, measure, members);
  const levelComparable = measure === 'rate' || indicator.aggregation === 'population_weighted_mean';
  return {
    indicator: summarise(indicator, measure),
    period,
    measure,
    group: group.code,
    rows: rankMembers(members, period, aggregate?.value ?? null, levelComparable),
    aggregate,
    warnings: comparabilityWarnings(
      members,
      request.profiles === false ? new Map() : await profileDefinitionNotes(db, indicator.code, geos),
    ),
  };
}

/**
 * Ranks (1 = highest; ties broken by geo code so that ranks are a permutation), percentiles,
 * z-scores (sample SD), robust z-scores (median/MAD) and the deviation from the aggregate.
 */
export function rankMembers(
  members: { geo: string; name: string; measured: MeasuredValue }[],
  period: string,
  aggregate: number | null,
  levelComparable: boolean,
): CompareRow[] {
  const valued = members.filter((m) => m.measured.value !== null);
  const ordered = [...valued].sort((a, b) => b.measured.value! - a.measured.value! || a.geo.localeCompare(b.geo));
  const rankOf = new Map(ordered.map((m, i) => [m.geo, i + 1]));
  const spread = spreadOf(valued.map((m) => m.measured.value!));
  const n = ordered.length;
  return members
    .map((m) => {
      const value = m.measured.value;
      const rank = rankOf.get(m.geo) ?? null;
      const hasAggregate = value !== null && aggregate !== null;
      return {
        geo: m.geo,
        geoName: m.name,
        period,
        ...m.measured,
        rank,
        percentile: rank === null ? null : n > 1 ? (100 * (n - rank)) / (n - 1) : 100,
        zScore: value === null || !spread ? null : zScore(value, spread),
        robustZ: value === null || !spread ? null : robustZ(value, spread),
        deviation: hasAggregate && levelComparable ? value - aggregate : null,
        relativeDeviation: hasAggregate && levelComparable && aggregate !== 0 ? (value - aggregate) / aggregate : null,
        shareOfAggregate: hasAggregate && !levelComparable && aggregate !== 0 ? value / aggregate : null,
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.geo.localeCompare(b.geo));
}
