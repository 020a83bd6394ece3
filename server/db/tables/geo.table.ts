import type { Generated, Insertable, Selectable } from 'kysely';
import type { GeoKind } from '../../shared/geo-kinds';

export type { GeoKind } from '../../shared/geo-kinds';

export interface GeoTable {
  code: string;
  name: string;
  kind: GeoKind;
  iso2: string | null;
  iso3: string | null;
  iso_numeric: string | null;
  first_year: number | null;
  last_year: number | null;
  part_of: string | null;
  note: string | null;
  /** NUTS level 1–3 for a region; null for countries and aggregates. */
  nuts_level: number | null;
  /** The NUTS version the region's code belongs to, e.g. "2021". */
  nuts_version: string | null;
  /** A region's country (its NUTS 0 code). */
  country: string | null;
  /** A region's parent: the country for NUTS 1, else the region one level up. */
  parent: string | null;
  /** 0 for extra-regio codes (…Z, …ZZ, …ZZZ): counted in sums, never drawn. */
  territorial: Generated<number>;
}

/** Membership of a country in an aggregate (EU27_2020, EFTA, CANDIDATES ...). */
export interface GeoGroupMemberTable {
  group_code: string;
  geo_code: string;
}

/** A rate published by a source (Eurostat's per-100k rate of a region), shown where no population is held. */
export interface PublishedRateTable {
  geo: string;
  indicator: string;
  period: string;
  value: number;
  source: string;
  recorded_at: string;
}

export type GeoRow = Selectable<GeoTable>;
export type NewGeo = Insertable<GeoTable>;
