import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import { CorrespondenceEntry } from '../shared/api/import-profiles';

/** A correspondence shipped in data/correspondences: national names or codes of one country → NUTS geos. */
export const ShippedCorrespondence = z.object({
  name: z.string(),
  geo: z.string(),
  description: z.string(),
  source: z.string(),
  credit: z.string(),
  /** The NUTS level the entries point at. */
  level: z.number().int().min(0).max(3),
  entries: z.array(CorrespondenceEntry.extend({ note: z.string().optional() })),
  /** Geos of that level no national unit maps to, and why. */
  unmatched: z.array(z.object({ geo: z.string(), note: z.string() })).default([]),
});
export type ShippedCorrespondence = z.infer<typeof ShippedCorrespondence>;

export const CORRESPONDENCE_DIR = path.join(DATA_DIR, 'correspondences');
let shipped: ShippedCorrespondence[] | null = null;

/** The shipped correspondences, read and validated once. */
export function shippedCorrespondences(): ShippedCorrespondence[] {
  shipped ??= readdirSync(CORRESPONDENCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ShippedCorrespondence.parse(JSON.parse(readFileSync(path.join(CORRESPONDENCE_DIR, f), 'utf8'))));
  return shipped;
}

export function findShippedCorrespondence(name: string): ShippedCorrespondence | undefined {
  return shippedCorrespondences().find((c) => c.name === name);
}
