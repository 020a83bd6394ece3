import type { Geo } from '../../client/api/types';

/** A catalogue geo for client tests: a country named "Name of <code>" unless `fields` say otherwise. */
export function testGeo(code: string, fields: Partial<Geo> = {}): Geo {
  return {
    code,
    name: `Name of ${code}`,
    kind: 'country',
    iso2: null,
    iso3: null,
    iso_numeric: null,
    first_year: null,
    last_year: null,
    part_of: null,
    note: null,
    nuts_level: null,
    nuts_version: null,
    country: null,
    parent: null,
    territorial: true,
    groups: [],
    members: [],
    ...fields,
  };
}
