import type { SeedCell } from './canonical-writer';

/**
 * Reads a Eurostat bulk TSV: a comma-joined key column ("freq,iccs,unit,geo\TIME_PERIOD"), then one
 * column per year whose cells are "value flags" or ": " for not available. Missing cells are skipped.
 */
export function readEurostatTsv(
  text: string,
  mapKey: (key: Record<string, string>) => { geo: string; indicator: string } | null,
): SeedCell[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  const keyNames = header[0]!.split('\\')[0]!.split(',');
  const years = header.slice(1).map((y) => y.trim());
  const cells: SeedCell[] = [];
  for (const line of lines.slice(1)) {
    const fields = line.split('\t');
    const keyValues = fields[0]!.split(',');
    const key = Object.fromEntries(keyNames.map((name, i) => [name, keyValues[i] ?? '']));
    const target = mapKey(key);
    if (!target) continue;
    fields.slice(1).forEach((cell, i) => {
      const match = /^\s*([-\d.]+)\s*([a-zA-Z]*)\s*$/.exec(cell);
      if (!match) return;
      cells.push({ ...target, period: years[i]!, value: Number(match[1]), flags: match[2]!, note: '' });
    });
  }
  return cells;
}
