import { readSharedData } from '../helpers/shared-data';

export const ITALY_FILES = {
  2018: 'it-interno-delitti/INT00062_Delitti_denunciati_2018_Provinciali.csv',
  2019: 'it-interno-delitti/NT00062_Delitti_denunciati_2019_Provinciali.csv',
} as const;

/** The ministry's offence labels read into observatory indicators; four vehicle thefts are parts of one. */
export const ITALY_MAPPINGS = [
  { code: '03.0 OMICIDI VOLONTARI CONSUMATI', indicator: 'ICCS0101' },
  { code: '17.0 RAPINE', indicator: 'ICCS0401' },
  { code: '15.d Furti in abitazione', indicator: 'ICCS05012' },
  { code: '15.h Furti di automezzi pesanti trasportanti merci', indicator: 'ICCS05021' },
  { code: '15.i Furti di ciclomotori', indicator: 'ICCS05021' },
  { code: '15.j Furti di motociclo', indicator: 'ICCS05021' },
  { code: '15.k Furti di autovetture', indicator: 'ICCS05021' },
  { code: 'TOTALE DELITTI', indicator: 'TOTAL_OFFENCES' },
] as const;

export const ITALY_COMPARABILITY = 'Delitti denunciati by the police forces (Ministero dell’Interno, INT00062).';

/**
 * One profile reads both years: the value and offence columns are named by their 2018 and 2019 headers,
 * and the number format says "." groups thousands (2019's 14.875), which 2018's plain integers do not use.
 */
export function italyProfile(name = 'it-interno-delitti') {
  return {
    name,
    description: 'Ministero dell’Interno, delitti denunciati per provincia (INT00062), 2018 and 2019',
    geo: 'IT',
    shape: 'long',
    encoding: 'windows-1252',
    delimiter: ';',
    columns: {
      geo: 'Provincia',
      indicator: 'REATO | Reato',
      period: 'ANNO',
      value: 'TOT DELITTI COMMESSI | Totale Delitti commesi',
    },
    geoCodes: 'name',
    correspondence: { shipped: 'it-provinces-nuts3', entries: [], level: 3 },
    numberFormat: { decimal: ',', thousands: '.' },
    rollup: { sumParts: true, nationalFrom: 3, tolerance: 0.005 },
    indicators: ITALY_MAPPINGS.map((m) => ({ ...m, comparability: ITALY_COMPARABILITY })),
  };
}

/** Sums read straight from the real file, independently of the pipeline: province → indicator → value. */
export function provinceSums(year: 2018 | 2019): Map<string, Map<string, number>> {
  const byIndicator = new Map<string, string>(ITALY_MAPPINGS.map((m) => [m.code, m.indicator]));
  const sums = new Map<string, Map<string, number>>();
  const lines = readSharedData(ITALY_FILES[year], 'latin1').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [, , province, offence, value] = line.split(';');
    const indicator = byIndicator.get(offence?.trim() ?? '');
    if (!indicator || !province) continue;
    const perProvince = sums.get(province) ?? new Map<string, number>();
    perProvince.set(indicator, (perProvince.get(indicator) ?? 0) + Number(value!.replace(/\./g, '')));
    sums.set(province, perProvince);
  }
  return sums;
}
