import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';

const GeoEntry = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{2,16}$/),
  name: z.string().min(1),
  kind: z.enum(['country', 'aggregate']),
  iso2: z.string().length(2).nullable(),
  iso3: z.string().length(3).nullable(),
  isoNumeric: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
  firstYear: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
  partOf: z.string().nullable(),
  groups: z.array(z.string()),
  note: z.string().optional(),
});

export const GeoCatalogue = z.object({
  version: z.string(),
  source: z.string(),
  geos: z.array(GeoEntry),
});

export type GeoEntry = z.infer<typeof GeoEntry>;
export type GeoCatalogue = z.infer<typeof GeoCatalogue>;

export function loadGeoCatalogue(file = path.join(DATA_DIR, 'geos.json')): GeoCatalogue {
  const catalogue = GeoCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  const codes = new Set(catalogue.geos.map((g) => g.code));
  for (const geo of catalogue.geos) {
    for (const group of geo.groups) {
      if (!codes.has(group)) throw new Error(`geos.json: ${geo.code} belongs to unknown group ${group}`);
    }
  }
  return catalogue;
}
