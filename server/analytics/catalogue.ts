import type { DbOrTx } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import type { IndicatorRow } from '../db/tables/indicator.table';
import type { IndicatorSummary, Measure } from '../shared/api/analytics';
import { PER_100K_UNIT, POPULATION_INDICATOR } from './rate';

export interface GroupInfo {
  code: string;
  name: string;
  members: { code: string; name: string }[];
}

export interface CatalogueGeo {
  code: string;
  name: string;
  kind: string;
  nuts_level: number | null;
  country: string | null;
  territorial: number;
}

/** Indicators, geos and groups, read once per catalogue version (see readDataVersion). */
export interface Catalogue {
  key: string;
  indicators: Map<string, IndicatorRow>;
  geos: Map<string, CatalogueGeo>;
  /** Group code → members (sorted by code); geo code → the groups it belongs to. */
  members: Map<string, { code: string; name: string }[]>;
  groupsOf: Map<string, string[]>;
}

const loaded = new WeakMap<DbOrTx, Catalogue>();

/** The catalogue for `key`: the cached one while the key is unchanged, else read afresh. */
export async function loadCatalogue(db: DbOrTx, key: string): Promise<Catalogue> {
  const cached = loaded.get(db);
  if (cached?.key === key) return cached;
  const [indicators, geos, memberships] = await Promise.all([
    db.selectFrom('indicators').selectAll().orderBy('code').execute(),
    db
      .selectFrom('geos')
      .select(['code', 'name', 'kind', 'nuts_level', 'country', 'territorial'])
      .orderBy('code')
      .execute(),
    db
      .selectFrom('geo_group_members')
      .select(['group_code', 'geo_code'])
      .orderBy('group_code')
      .orderBy('geo_code')
      .execute(),
  ]);
  const geoMap = new Map(geos.map((g) => [g.code, g]));
  const members = new Map<string, { code: string; name: string }[]>();
  const groupsOf = new Map<string, string[]>();
  for (const { group_code, geo_code } of memberships) {
    const geo = geoMap.get(geo_code);
    if (geo) members.set(group_code, [...(members.get(group_code) ?? []), { code: geo.code, name: geo.name }]);
    groupsOf.set(geo_code, [...(groupsOf.get(geo_code) ?? []), group_code]);
  }
  const catalogue: Catalogue = {
    key,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    geos: geoMap,
    members,
    groupsOf,
  };
  loaded.set(db, catalogue);
  return catalogue;
}

/** An indicator, checked for the measure asked; unknown codes and impossible rates are 400s. */
export function indicatorFor(catalogue: Catalogue, code: string, measure: Measure): IndicatorRow {
  const row = catalogue.indicators.get(code);
  if (!row)
    throw badRequest(
      { key: 'analytics.unknown-indicator', params: { code } },
      {
        indicator: [code],
      },
    );
  assertMeasure(row, measure);
  return row;
}

export function canBeRate(row: IndicatorRow): boolean {
  return row.rate_derivable === 1 && row.rate_denominator === POPULATION_INDICATOR;
}

export function assertMeasure(row: IndicatorRow, measure: Measure): void {
  if (measure === 'rate' && !canBeRate(row)) {
    throw badRequest(
      { key: 'analytics.no-rate', params: { code: row.code, name: row.name, unit: row.unit } },
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

/** An aggregate geo and its member countries; 400 when the code is not a group. */
export function groupFor(catalogue: Catalogue, code: string): GroupInfo {
  const geo = catalogue.geos.get(code);
  if (!geo)
    throw badRequest(
      { key: 'analytics.unknown-group', params: { code } },
      {
        group: [code],
      },
    );
  const members = catalogue.members.get(code);
  if (!members?.length) throw badRequest({ key: 'analytics.not-a-group', params: { code } });
  return { code: geo.code, name: geo.name, members };
}

/**
 * The NUTS regions of one level compared as a group (issue 19): those of a country, or of every member
 * country of an aggregate. Extra-regio regions are members (their figures count in sums).
 */
export function regionGroupFor(catalogue: Catalogue, code: string, level: number): GroupInfo {
  const geo = catalogue.geos.get(code);
  if (!geo) throw badRequest({ key: 'regions.unknown-group', params: { code } }, { group: [code] });
  if (geo.kind === 'region') throw badRequest({ key: 'regions.region-as-group', params: { code } });
  const countries = new Set(geo.kind === 'country' ? [code] : (catalogue.members.get(code) ?? []).map((m) => m.code));
  const members = [...catalogue.geos.values()]
    .filter((g) => g.kind === 'region' && g.nuts_level === level && countries.has(g.country ?? ''))
    .map((g) => ({ code: g.code, name: g.name }));
  if (!members.length) throw badRequest({ key: 'regions.no-regions', params: { code, level } });
  return { code: geo.code, name: geo.name, members };
}

/** A geo by code: unknown is a 404 for a path parameter, a 400 for a query parameter. */
export function geoFor(catalogue: Catalogue, code: string, where: 'path' | 'query' = 'query'): CatalogueGeo {
  const geo = catalogue.geos.get(code);
  if (!geo && where === 'path') throw notFound({ key: 'analytics.unknown-geo-path', params: { code } });
  if (!geo) throw badRequest({ key: 'analytics.unknown-geo', params: { code } }, { geo: [code] });
  return geo;
}
