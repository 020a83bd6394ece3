import type { DbOrTx } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import type { IndicatorRow } from '../indicators/indicator.table';
import type { IndicatorSummary, Measure } from './analytics.types';
import { PER_100K_UNIT, POPULATION_INDICATOR } from './rate';

/** An indicator, checked for the measure asked; unknown codes and impossible rates are 400s. */
export async function indicatorFor(db: DbOrTx, code: string, measure: Measure): Promise<IndicatorRow> {
  const row = await db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw badRequest(`Unknown indicator code "${code}". See /api/indicators for the valid codes.`, { indicator: [code] });
  assertMeasure(row, measure);
  return row;
}

export function canBeRate(row: IndicatorRow): boolean {
  return row.rate_derivable === 1 && row.rate_denominator === POPULATION_INDICATOR;
}

export function assertMeasure(row: IndicatorRow, measure: Measure): void {
  if (measure === 'rate' && !canBeRate(row)) {
    throw badRequest(
      `Indicator ${row.code} (${row.name}) has no per-100k rate: its unit is ${row.unit} and it is not divided by population. Use measure=count.`,
      { measure: 'rate', indicator: row.code },
    );
  }
}

export function summarise(row: IndicatorRow, measure: Measure): IndicatorSummary {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    measureUnit: measure === 'rate' ? PER_100K_UNIT : row.unit,
    source: row.source,
    aggregation: row.aggregation,
    polarity: row.polarity,
  };
}

export interface GroupInfo {
  code: string;
  name: string;
  members: { code: string; name: string }[];
}

/** An aggregate geo and its member countries; 400 when the code is not a group. */
export async function groupFor(db: DbOrTx, code: string): Promise<GroupInfo> {
  const geo = await db.selectFrom('geos').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
  if (!geo) throw badRequest(`Unknown group "${code}". See /api/geos for the aggregates (kind "aggregate").`, { group: [code] });
  const members = await db
    .selectFrom('geo_group_members as m')
    .innerJoin('geos as g', 'g.code', 'm.geo_code')
    .select(['g.code', 'g.name'])
    .where('m.group_code', '=', code)
    .orderBy('g.code')
    .execute();
  if (!members.length) throw badRequest(`"${code}" is not a group of geos (it has no members). Use e.g. group=EU27_2020.`);
  return { code: geo.code, name: geo.name, members };
}

/** A geo by code: unknown is a 404 for a path parameter, a 400 for a query parameter. */
export async function geoFor(db: DbOrTx, code: string, where: 'path' | 'query' = 'query'): Promise<{ code: string; name: string }> {
  const geo = await db.selectFrom('geos').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
  if (!geo && where === 'path') throw notFound(`Unknown geo code "${code}". See /api/geos.`);
  if (!geo) throw badRequest(`Unknown geo code "${code}". See /api/geos for the valid codes.`, { geo: [code] });
  return geo;
}
