import { readSharedData } from '../helpers/shared-data';

/** A cell of a Eurostat TSV: value and flags as printed ("66918941 p"). */
export interface EurostatCell {
  value: number;
  flags: string;
}

/** Parses a Eurostat bulk TSV into "key|geo|year" → cell, `key` being the first key dimension that varies. */
function parseTsv(
  text: string,
  keyOf: (dims: string[]) => string,
  geoOf: (dims: string[]) => string,
): Map<string, EurostatCell> {
  const [header, ...lines] = text.trim().split('\n');
  const years = header!
    .split('\t')
    .slice(1)
    .map((y) => y.trim());
  const cells = new Map<string, EurostatCell>();
  for (const line of lines) {
    const [key, ...values] = line.split('\t');
    const dims = key!.split(',');
    values.forEach((raw, i) => {
      const [number, flags = ''] = raw.trim().split(' ');
      if (number === ':' || number === undefined || number === '') return;
      cells.set(`${keyOf(dims)}|${geoOf(dims)}|${years[i]}`, { value: Number(number), flags: flags.trim() });
    });
  }
  return cells;
}

/** crim_off_cat counts: "ICCS0101|AT|2017" → cell. */
export function readCrimeCounts(): Map<string, EurostatCell> {
  return parseTsv(
    readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv'),
    (d) => d[1]!,
    (d) => d[3]!,
  );
}

/** tps00001 population on 1 January: "POP_JAN|FR|2018" → cell. */
export function readPopulation(): Map<string, EurostatCell> {
  return parseTsv(
    readSharedData('eurostat-tps00001/tps00001.tsv'),
    () => 'POP_JAN',
    (d) => d[1]!,
  );
}
