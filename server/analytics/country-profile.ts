import type { DbOrTx } from '../db/database';
import type { IndicatorRow } from '../db/tables/indicator.table';
import { REFERENCE_GROUP } from '../shared/reference-group';
import type { GeoProfileResponse, Measure, ProfileIndicator } from '../shared/api/analytics';
import { type Catalogue, canBeRate, geoFor, summarise } from './catalogue';
import { type CellRecord, cellIndex, cellKey, readCells } from './cell.repository';
import { compareGroup } from './compare';
import { measuredCount, measuredRate, POPULATION_INDICATOR } from './rate';
import { segmentSeries, segmentStatistics } from './series';

/** The group a country profile ranks within. */
export const PROFILE_GROUP = REFERENCE_GROUP;
const SIGNIFICANCE = 0.05;

/** For each indicator the geo reports: latest value and rate, trend of the latest segment, EU rank, flags. */
export async function geoProfile(
  db: DbOrTx,
  catalogue: Catalogue,
  code: string,
  asOf: string | null,
): Promise<Omit<GeoProfileResponse, 'meta'>> {
  const geo = geoFor(catalogue, code, 'path');
  const groups = catalogue.groupsOf.get(geo.code) ?? [];
  const indicators = [...catalogue.indicators.values()].filter((i) => i.code !== POPULATION_INDICATOR);
  const cells = await readCells(
    db,
    { indicators: [...indicators.map((i) => i.code), POPULATION_INDICATOR], geos: [geo.code] },
    asOf,
  );
  const index = cellIndex(cells);
  const inEu = groups.includes(PROFILE_GROUP);
  const profile: ProfileIndicator[] = [];
  for (const indicator of indicators) {
    const own = cells.filter((c) => c.indicator === indicator.code && c.value !== null);
    if (!own.length) continue;
    profile.push(await profileIndicator(db, catalogue, indicator, geo.code, own, index, inEu, asOf));
  }
  return { geo: { code: geo.code, name: geo.name, groups }, indicators: profile };
}

async function profileIndicator(
  db: DbOrTx,
  catalogue: Catalogue,
  indicator: IndicatorRow,
  geo: string,
  own: CellRecord[],
  index: Map<string, CellRecord>,
  inEu: boolean,
  asOf: string | null,
): Promise<ProfileIndicator> {
  const measure: Measure = canBeRate(indicator) ? 'rate' : 'count';
  const latest = own[own.length - 1]!;
  const population = (period: string) => index.get(cellKey(POPULATION_INDICATOR, geo, period));
  const count = measuredCount(latest, geo, latest.period);
  const series = own.map((c) => ({
    period: c.period,
    measured:
      measure === 'rate' ? measuredRate(c, population(c.period), geo, c.period) : measuredCount(c, geo, c.period),
  }));
  const valued = series.filter((s) => s.measured.value !== null);
  const latestRate = measure === 'rate' ? valued[valued.length - 1] : undefined;
  const rateSegment = segmentStatistics(segmentSeries(valued).points).at(-1);
  // A change of population source starts a new rate segment (2020 in the seed): when the latest one is
  // too short for a trend, the trend is the counts', which no denominator can move.
  const useCounts = measure === 'rate' && (!rateSegment || rateSegment.n < 3);
  const last = useCounts
    ? segmentStatistics(
        segmentSeries(own.map((c) => ({ period: c.period, measured: measuredCount(c, geo, c.period) }))).points,
      ).at(-1)
    : rateSegment;
  const trendMeasure: Measure = useCounts ? 'count' : measure;
  const rankBasis = latestRate
    ? { measure: 'rate' as const, period: latestRate.period }
    : { measure: 'count' as const, period: latest.period };
  const comparison = inEu
    ? await compareGroup(db, catalogue, { indicator: indicator.code, ...rankBasis, group: PROFILE_GROUP, asOf })
    : null;
  const row = comparison?.rows.find((r) => r.geo === geo);
  const rate = latestRate?.measured ?? null;
  return {
    indicator: summarise(indicator, measure),
    period: latest.period,
    count,
    rate,
    ratePeriod: latestRate?.period ?? null,
    rankBasis: comparison ? rankBasis : null,
    trend:
      last && last.n >= 3
        ? {
            measure: trendMeasure,
            from: last.from,
            to: last.to,
            theilSenSlope: last.theilSen?.slope ?? null,
            mannKendallP: last.mannKendall?.p ?? null,
            direction: directionOf(last.mannKendall?.p ?? 1, last.theilSen?.slope ?? 0, last.mannKendall?.s ?? 0),
          }
        : null,
    euRank: row?.rank ?? null,
    euMembersRanked: comparison ? comparison.rows.filter((r) => r.rank !== null).length : null,
    flags: rate?.flags ?? count.flags,
  };
}

/** Rising or falling only when Mann–Kendall is significant and S and the Theil–Sen slope agree in sign. */
function directionOf(p: number, slope: number, s: number): 'rising' | 'falling' | 'no clear trend' {
  if (p >= SIGNIFICANCE || slope === 0 || Math.sign(slope) !== Math.sign(s)) return 'no clear trend';
  return slope > 0 ? 'rising' : 'falling';
}
