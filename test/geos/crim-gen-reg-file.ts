import { readSharedData } from '../helpers/shared-data';

/** crim_gen_reg read straight from the real file, for tests that check the seed against it. */
export interface FileFigure {
  unit: string;
  iccs: string;
  geo: string;
  year: string;
  value: number;
}

let figures: Map<string, number> | null = null;

export function crimGenReg(): Map<string, number> {
  if (figures) return figures;
  figures = new Map();
  const [header, ...lines] = readSharedData('eurostat-crim_gen_reg/estat_crim_gen_reg.tsv').trim().split('\n');
  const years = header!
    .split('\t')
    .slice(1)
    .map((y) => y.trim());
  for (const line of lines) {
    const [key, ...values] = line.split('\t');
    const [, unit, iccs, geo] = key!.split(',');
    values.forEach((raw, i) => {
      const text = raw.trim();
      if (text !== ':' && text !== '') figures!.set(`${unit}|${iccs}|${geo}|${years[i]}`, Number(text.split(' ')[0]));
    });
  }
  return figures;
}

/** One figure of the file, or undefined where it is not available. */
export const fileValue = (unit: 'NR' | 'P_HTHAB', iccs: string, geo: string, year: string) =>
  crimGenReg().get(`${unit}|${iccs}|${geo}|${year}`);
