import { z } from 'zod';
import { GEO_KINDS } from '../geo-kinds';

/** A geo as GET /api/geos answers it: its catalogue row, the groups it belongs to and, for a group, its members. */
export const GeoSchema = z.object({
  code: z.string().describe('Eurostat geo code, e.g. DE, EU27_2020 or a NUTS code such as DE21'),
  name: z.string(),
  kind: z.enum(GEO_KINDS),
  iso2: z.string().nullable(),
  iso3: z.string().nullable(),
  iso_numeric: z.string().nullable(),
  first_year: z.number().nullable(),
  last_year: z.number().nullable(),
  part_of: z.string().nullable(),
  note: z.string().nullable(),
  nuts_level: z.number().nullable().describe('For a region: its NUTS level, 1–3'),
  nuts_version: z.string().nullable().describe('For a region: the NUTS version of its code, e.g. "2021"'),
  country: z.string().nullable().describe('For a region: its country'),
  parent: z.string().nullable().describe('For a region: the country (NUTS 1) or the region one level up'),
  territorial: z
    .boolean()
    .describe('False for extra-regio codes (…Z, …ZZ, …ZZZ): figures that belong to no territory, never drawn'),
  groups: z.array(z.string()).describe('Aggregates this geo is a member of'),
  members: z.array(z.string()).describe('For an aggregate: its member geos'),
});

export const GeosAnswerSchema = z.object({ data: z.array(GeoSchema) });

export type Geo = z.infer<typeof GeoSchema>;
export type GeosAnswer = z.infer<typeof GeosAnswerSchema>;
