import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadGeoCatalogue } from '../../server/geos/geo.catalogue';
import type { IndicatorCatalogue } from '../../server/indicators/indicator.catalogue';

/** The bench submits for a group geo, so its cells may span the group's members. */
export const BENCH_GEO = 'EU28';
export const BENCH_INDICATORS = 120;

export function benchIndicatorCodes(): string[] {
  return Array.from({ length: BENCH_INDICATORS }, (_, i) => `BENCH_${String(i + 1).padStart(3, '0')}`);
}

/** Synthetic count indicators for the bench database only, so that millions of distinct cells exist. */
export function benchIndicators(): IndicatorCatalogue['indicators'] {
  return benchIndicatorCodes().map((code) => ({
    code,
    name: `Bench count ${code}`,
    definition: 'A synthetic count used only by npm run bench:ingest in its own throwaway database.',
    unit: 'count',
    polarity: 'higher_is_worse',
    theme: 'context',
    iccs: null,
    parent: null,
    source: null,
    intendedSource: null,
    methodology: 'Synthetic.',
    rate: { derivable: false, denominator: null },
    aggregation: 'sum',
    implausibleChange: 1.0,
    version: 1,
  })) as IndicatorCatalogue['indicators'];
}

function periods(): string[] {
  const out: string[] = [];
  for (let y = 1950; y <= 2025; y++) {
    out.push(String(y));
    for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
    for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Writes a canonical CSV of `rows` distinct cells for EU28 and its members; returns its size. */
export async function writeBenchCsv(file: string, rows: number): Promise<void> {
  const group = loadGeoCatalogue()
    .geos.filter((g) => g.code === BENCH_GEO || g.groups.includes(BENCH_GEO))
    .map((g) => g.code);
  const codes = benchIndicatorCodes();
  const all = periods();
  const capacity = group.length * codes.length * all.length;
  if (rows > capacity) throw new Error(`At most ${capacity} distinct bench cells; asked for ${rows}.`);
  const out = createWriteStream(file);
  out.write('geo,indicator,period,value,flags,note\n');
  let n = 0;
  let buffer = '';
  outer: for (const geo of group) {
    for (const [i, indicator] of codes.entries()) {
      for (const [j, period] of all.entries()) {
        if (n >= rows) break outer;
        const value = 1000 + i * 10 + ((j * 7919) % 97);
        buffer += `${geo},${indicator},${period},${value},${n % 10 === 0 ? 'p' : ''},${n % 50 === 0 ? 'bench note' : ''}\n`;
        n++;
        if (buffer.length > 1 << 16) {
          if (!out.write(buffer)) await once(out, 'drain');
          buffer = '';
        }
      }
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
