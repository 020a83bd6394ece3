import type { Geo, GeosAnswer } from '../api/types';
import { getJson } from '../api/client';

/** The NUTS levels below the country (issue 19). */
export const NUTS_LEVELS = [1, 2, 3] as const;
export type NutsLevel = (typeof NUTS_LEVELS)[number];

/** A region code's NUTS level: the country's two letters, then one character a level (DE3, DE30, DE300). */
export function nutsLevelOf(code: string): NutsLevel | null {
  const level = code.length - 2;
  return /^[A-Z]{2}[A-Z0-9]{1,3}$/.test(code) && level >= 1 && level <= 3 ? (level as NutsLevel) : null;
}

/** A country's regions of one level, or every country's (GET /api/geos?level=&country=); answers are remembered. */
export function regionsOf(level: NutsLevel, country?: string): Promise<Geo[]> {
  return getJson<GeosAnswer>('/api/geos', { level, country }).then((answer) => answer.data);
}

/** A country's regions of every level, NUTS 1 first. */
export async function allRegionsOf(country: string): Promise<Geo[]> {
  const levels = await Promise.all(NUTS_LEVELS.map((level) => regionsOf(level, country)));
  return levels.flat();
}

/** The countries the observatory holds NUTS regions of (those with a NUTS 1 region). */
export async function countriesWithRegions(): Promise<Set<string>> {
  const regions = await regionsOf(1);
  return new Set(regions.map((r) => r.country).filter((c): c is string => c !== null));
}

/** The names of the region codes among `codes` (one request per country and level, remembered). */
export async function regionNames(codes: string[]): Promise<Map<string, string>> {
  const wanted = codes.filter((c) => nutsLevelOf(c) !== null);
  const asks = [...new Set(wanted.map((c) => `${c.slice(0, 2)}|${nutsLevelOf(c)}`))].map((key) => {
    const [country, level] = key.split('|');
    return regionsOf(Number(level) as NutsLevel, country).catch(() => [] as Geo[]);
  });
  const names = new Map<string, string>();
  for (const regions of await Promise.all(asks)) for (const r of regions) names.set(r.code, r.name);
  return new Map(wanted.filter((c) => names.has(c)).map((c) => [c, names.get(c)!]));
}
