import { readSharedData } from '../helpers/shared-data';

/** The World Bank's code for intentional homicides per 100,000 people. */
export const WB_HOMICIDE_RATE = 'VC.IHR.PSRC.P5';
export const YEARS = Array.from({ length: 12 }, (_, i) => 2008 + i);

function tsvRow(file: string, key: string): number[] {
  const line = readSharedData(file)
    .split('\n')
    .find((l) => l.startsWith(`${key}\t`));
  if (!line) throw new Error(`${file} has no row ${key}`);
  return line
    .split('\t')
    .slice(1)
    .map((cell) => Number.parseFloat(cell));
}

/**
 * FR's intentional homicides per 100,000 inhabitants, 2008–2019, computed as Eurostat computes its
 * rates: crim_off_cat's count ÷ tps00001's population on 1 January × 100,000 (2008: 975 of 64,007,193).
 */
export function frenchHomicideRates(): number[] {
  const counts = tsvRow('eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'A,ICCS0101,NR,FR');
  const population = tsvRow('eurostat-tps00001/tps00001.tsv', 'JAN,FR');
  return YEARS.map((_, i) => (counts[i]! / population[i]!) * 100_000);
}

/** crim_off_cat's FR homicide counts for YEARS, as the seed publishes them. */
export function frenchHomicideCounts(): number[] {
  return tsvRow('eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'A,ICCS0101,NR,FR').slice(0, YEARS.length);
}

/**
 * A World Bank WDI bulk file of the homicide rate as the contact point had it: the real
 * population file's preamble and header (BOM, "Data Source" lines, every field quoted, trailing comma),
 * FR's row with its rates written by `write`, and a row for another country, which is left out.
 */
export function worldBankRateFile(write: (rate: number) => string): string {
  const lines = readSharedData('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv').split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith('"Country Name"'));
  const header = lines[headerAt]!;
  const columns = header.split('","').map((c) => c.replace(/"/g, '').replace(/,$/, ''));
  const rates = new Map(YEARS.map((year, i) => [String(year), frenchHomicideRates()[i]!]));
  const row = (name: string, iso3: string, value: (year: string) => string) =>
    [name, iso3, 'Intentional homicides (per 100,000 people)', WB_HOMICIDE_RATE, ...columns.slice(4).map(value)]
      .map((c) => `"${c}"`)
      .join(',')
      .concat(',');
  return [
    ...lines.slice(0, headerAt + 1),
    row('France', 'FRA', (year) => (rates.has(year) ? write(rates.get(year)!) : '')),
    row('Germany', 'DEU', (year) => (rates.has(year) ? '0.98' : '')),
  ].join('\n');
}
