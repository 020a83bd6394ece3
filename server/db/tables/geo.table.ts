import type { Insertable, Selectable } from 'kysely';
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
}

/** Membership of a country in an aggregate (EU27_2020, EFTA, CANDIDATES ...). */
export interface GeoGroupMemberTable {
  group_code: string;
  geo_code: string;
}

export type GeoRow = Selectable<GeoTable>;
export type NewGeo = Insertable<GeoTable>;
