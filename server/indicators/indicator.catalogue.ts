import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import { AGGREGATIONS, POLARITIES, UNIT_KINDS } from '../db/tables/indicator.table';

const IndicatorEntry = z.object({
  code: z.string().regex(/^[A-Z0-9_]{2,32}$/),
  name: z.string().min(1),
  definition: z.string().min(1),
  unit: z.enum(UNIT_KINDS),
  polarity: z.enum(POLARITIES),
  theme: z.string(),
  iccs: z.string().nullable(),
  parent: z.string().nullable(),
  source: z.string().nullable(),
  intendedSource: z.string().nullable(),
  methodology: z.string().min(1),
  rate: z.object({ derivable: z.boolean(), denominator: z.string().nullable() }),
  aggregation: z.enum(AGGREGATIONS),
  implausibleChange: z.number().positive(),
  version: z.number().int().positive(),
});

export const IndicatorCatalogue = z.object({
  version: z.string(),
  themes: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(IndicatorEntry),
});

export type IndicatorEntry = z.infer<typeof IndicatorEntry>;
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;

export function loadIndicatorCatalogue(file = path.join(DATA_DIR, 'indicators.json')): IndicatorCatalogue {
  const catalogue = IndicatorCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  const themes = new Set(catalogue.themes.map((t) => t.code));
  const codes = new Set(catalogue.indicators.map((i) => i.code));
  for (const ind of catalogue.indicators) {
    if (!themes.has(ind.theme)) throw new Error(`indicators.json: ${ind.code} has unknown theme ${ind.theme}`);
    if (ind.parent && !codes.has(ind.parent))
      throw new Error(`indicators.json: ${ind.code} has unknown parent ${ind.parent}`);
    if (ind.rate.derivable && !ind.rate.denominator) {
      throw new Error(`indicators.json: ${ind.code} allows a rate but names no denominator`);
    }
  }
  return catalogue;
}
