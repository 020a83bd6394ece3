/**
 * Eurostat's crim_gen_reg (police-recorded offences by NUTS region) as the observatory's regional
 * cells: NUTS 1–3 counts (unit NR) of the indicators the catalogue holds, with older NUTS codes
 * brought to NUTS 2021 (data/nuts-2016-2021.json), and Eurostat's own per-100k rates (unit P_HTHAB)
 * kept apart as published rates. The national rows are left out: they are a second source for
 * national cells, which the observatory's sources handle on their own.
 */
import type { NutsChange, RegionEntry } from '../../server/geos/region.catalogue';
import type { SeedCell } from './canonical-writer';

export const CRIM_GEN_REG_SOURCE = 'estat.crim_gen_reg';

export interface RegionalFigure {
  unit: 'NR' | 'P_HTHAB';
  indicator: string;
  geo: string;
  period: string;
  value: number;
}

export interface PublishedRate {
  geo: string;
  indicator: string;
  period: string;
  value: number;
}

/** Every non-missing figure of the TSV (key freq,unit,iccs,geo; one column per year; ": " is not available). */
export function readCrimGenReg(text: string): RegionalFigure[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  if (!header[0]!.startsWith('freq,unit,iccs,geo'))
    throw new Error(
      `crim_gen_reg: unexpected header "${header[0]}"; expected the key freq,unit,iccs,geo\\TIME_PERIOD.`,
    );
  const years = header.slice(1).map((y) => y.trim());
  const figures: RegionalFigure[] = [];
  for (const line of lines.slice(1)) {
    const [key, ...values] = line.split('\t');
    const [, unit, iccs, geo] = key!.split(',');
    if (unit !== 'NR' && unit !== 'P_HTHAB') continue;
    values.forEach((raw, i) => {
      const text = raw.trim();
      if (text === ':' || text === '') return;
      const value = Number(text.split(' ')[0]);
      if (!Number.isFinite(value)) throw new Error(`crim_gen_reg: "${raw}" for ${key} ${years[i]} is not a number.`);
      figures.push({ unit, indicator: iccs!, geo: geo!, period: years[i]!, value });
    });
  }
  return figures;
}

const key = (indicator: string, geo: string, period: string) => `${indicator}|${geo}|${period}`;

/**
 * The regional counts in NUTS 2021: codes of the catalogue as they are; recoded and merged NUTS 2016
 * codes summed into their NUTS 2021 region (for the years every part reports), flagged `d` where the
 * boundary moved; regions split from an older unit are derived as the sum of their NUTS 3 regions.
 */
export function regionalCounts(
  figures: RegionalFigure[],
  regions: RegionEntry[],
  changes: Map<string, NutsChange>,
  indicators: Set<string>,
): SeedCell[] {
  const known = new Map(regions.map((r) => [r.code, r]));
  const counts = figures.filter((f) => f.unit === 'NR' && indicators.has(f.indicator));
  const cells = new Map<string, SeedCell>();
  for (const f of counts) {
    if (known.has(f.geo)) cells.set(key(f.indicator, f.geo, f.period), { ...f, flags: '', note: '' });
  }
  // Older codes that became (part of) one NUTS 2021 region: all parts of a region and year are needed.
  const partsOf = new Map<string, string[]>();
  for (const change of changes.values()) {
    if (change.change !== 'split') partsOf.set(change.to[0]!, [...(partsOf.get(change.to[0]!) ?? []), change.code]);
  }
  const older = new Map(counts.filter((f) => changes.has(f.geo)).map((f) => [key(f.indicator, f.geo, f.period), f]));
  const slots = new Set(counts.filter((f) => changes.has(f.geo)).map((f) => `${f.indicator}|${f.period}`));
  for (const [target, parts] of partsOf) {
    for (const slot of slots) {
      const [indicator, period] = slot.split('|') as [string, string];
      if (cells.has(key(indicator, target, period))) continue;
      const values = parts.map((p) => older.get(key(indicator, p, period))?.value);
      if (values.some((v) => v === undefined)) continue;
      const exact = parts.every((p) => changes.get(p)!.exact);
      const note = `From NUTS 2016 ${parts.join(' + ')} (Eurostat crim_gen_reg). ${changes.get(parts[0]!)!.note}`;
      cells.set(key(indicator, target, period), {
        geo: target,
        indicator,
        period,
        value: values.reduce<number>((s, v) => s + v!, 0),
        flags: exact ? '' : 'd',
        note,
      });
    }
  }
  deriveSplitParents(cells, regions, changes);
  return [...cells.values()].sort(
    (a, b) => a.geo.localeCompare(b.geo) || a.indicator.localeCompare(b.indicator) || a.period.localeCompare(b.period),
  );
}

/** NUTS 2021 regions carved out of an older unit (HR02, NO08 …): the sum of their NUTS 3 regions, where all report. */
function deriveSplitParents(cells: Map<string, SeedCell>, regions: RegionEntry[], changes: Map<string, NutsChange>) {
  const targets = new Set(
    [...changes.values()].filter((c) => c.change === 'split').flatMap((c) => c.to.filter((t) => t.length === 4)),
  );
  const slots = new Set([...cells.values()].map((c) => `${c.indicator}|${c.period}`));
  for (const parent of targets) {
    const children = regions.filter((r) => r.parent === parent).map((r) => r.code);
    if (!children.length) continue;
    for (const slot of slots) {
      const [indicator, period] = slot.split('|') as [string, string];
      if (cells.has(key(indicator, parent, period))) continue;
      const parts = children.map((c) => cells.get(key(indicator, c, period)));
      if (parts.some((p) => p === undefined)) continue;
      cells.set(key(indicator, parent, period), {
        geo: parent,
        indicator,
        period,
        value: parts.reduce((s, p) => s + p!.value, 0),
        flags: parts.some((p) => p!.flags.includes('d')) ? 'd' : '',
        note: `Sum of its NUTS 3 regions ${children.join(', ')} (Eurostat crim_gen_reg reports this region under older NUTS codes).`,
      });
    }
  }
}

/** Eurostat's per-100k rates of NUTS 2021 regions (and of older codes that are the same region under a new code). */
export function publishedRates(
  figures: RegionalFigure[],
  regions: RegionEntry[],
  changes: Map<string, NutsChange>,
  indicators: Set<string>,
): PublishedRate[] {
  const known = new Set(regions.map((r) => r.code));
  const rates = new Map<string, PublishedRate>();
  for (const f of figures) {
    if (f.unit !== 'P_HTHAB' || !indicators.has(f.indicator)) continue;
    const change = changes.get(f.geo);
    const recoded = change?.change === 'recoded' && change.exact ? change.to[0]! : null;
    const geo = known.has(f.geo) ? f.geo : recoded;
    if (!geo || rates.has(key(f.indicator, geo, f.period))) continue;
    rates.set(key(f.indicator, geo, f.period), { geo, indicator: f.indicator, period: f.period, value: f.value });
  }
  return [...rates.values()].sort(
    (a, b) => a.geo.localeCompare(b.geo) || a.indicator.localeCompare(b.indicator) || a.period.localeCompare(b.period),
  );
}
