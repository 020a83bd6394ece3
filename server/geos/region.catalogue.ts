import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import type { LocalisedText } from '../shared/i18n';

const nutsCode = z.string().regex(/^[A-Z]{2}[0-9A-Z]{1,3}$/);

const RegionEntry = z.object({
  code: nutsCode,
  name: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  country: z.string().length(2),
  parent: z.string().min(2),
  territorial: z.boolean(),
});

/** data/regions.json: NUTS 2021 levels 1–3 derived from GISCO by `npm run map:build`. */
export const RegionCatalogue = z.object({
  nutsVersion: z.string(),
  source: z.string(),
  credit: z.string(),
  regions: z.array(RegionEntry),
});

const NutsChange = z.object({
  code: nutsCode,
  version: z.string(),
  change: z.enum(['recoded', 'merged', 'split']),
  to: z.array(nutsCode).min(1),
  /** False when the NUTS 2021 region's boundary differs from the sum of the old parts. */
  exact: z.boolean(),
  note: z.string().min(1),
});

/** data/nuts-2016-2021.json: older NUTS codes found in real files, and what they are in NUTS 2021. */
export const NutsChanges = z.object({ source: z.string(), changes: z.array(NutsChange) });

export type RegionEntry = z.infer<typeof RegionEntry>;
export type RegionCatalogue = z.infer<typeof RegionCatalogue>;
export type NutsChange = z.infer<typeof NutsChange>;

let regions: RegionCatalogue | null = null;
let changes: Map<string, NutsChange> | null = null;

export function loadRegionCatalogue(file = path.join(DATA_DIR, 'regions.json')): RegionCatalogue {
  if (regions && file === path.join(DATA_DIR, 'regions.json')) return regions;
  const catalogue = RegionCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  const codes = new Set(catalogue.regions.map((r) => r.code));
  for (const region of catalogue.regions) {
    if (region.level > 1 && !codes.has(region.parent))
      throw new Error(`regions.json: ${region.code} has parent ${region.parent}, which is not a region`);
  }
  regions = catalogue;
  return catalogue;
}

/** Older NUTS codes by code (HR041 → HR050 …), read once. */
export function nutsChanges(): Map<string, NutsChange> {
  changes ??= new Map(
    NutsChanges.parse(JSON.parse(readFileSync(path.join(DATA_DIR, 'nuts-2016-2021.json'), 'utf8'))).changes.map((c) => [
      c.code,
      c,
    ]),
  );
  return changes;
}

/**
 * What to tell whoever sent an older NUTS code: which version it is and the NUTS 2021 code(s) to use,
 * as a message key and its values (server/i18n/catalogues/regions.*.json).
 */
export function olderNutsAdvice(code: string): LocalisedText | null {
  const change = nutsChanges().get(code);
  if (!change) return null;
  const params = { code, version: change.version, targets: change.to.join(', '), note: change.note };
  return { key: change.change === 'split' ? 'regions.older-nuts-split' : 'regions.older-nuts-code', params };
}
