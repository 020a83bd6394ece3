import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { useSeededApp } from '../helpers/context';
import { readSharedData } from '../helpers/shared-data';

/**
 * UNODC's violent and sexual crime series are a second source of crim_off_cat's categories: where
 * Eurostat has a cell its figure is preferred; where it has none (every year before 2008, and the
 * countries and years it lacks) UNODC's figure fills the gap, and says so.
 */
const ctx = useSeededApp();

function unodcCount(iso3: string, category: string, year: string): number {
  const rows = Papa.parse<Record<string, string>>(readSharedData('unodc-cts/data_cts_violent_and_sexual_crime.csv'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const row = rows.find(
    (r) =>
      r.Iso3_code === iso3 &&
      r.Category === category &&
      r.Year === year &&
      r.Sex === 'Total' &&
      r.Age === 'Total' &&
      r['Unit of measurement'] === 'Counts',
  );
  return Number(row!.VALUE);
}

async function cell(indicator: string, geo: string, year: string, source?: string) {
  const named = source ? `&source=${source}` : '';
  const res = await ctx
    .request()
    .get(`/api/observations?indicator=${indicator}&geo=${geo}&from=${year}&to=${year}${named}`)
    .expect(200);
  return res.body.data[0] as { value: number; source: string } | undefined;
}

describe("UNODC filling crim_off_cat's gaps", () => {
  it("gives Germany's 2005 rapes from UNODC, equal to the file, and 2015's from Eurostat", async () => {
    expect(await cell('ICCS03011', 'DE', '2005')).toMatchObject({
      source: 'unodc.cts',
      value: unodcCount('DEU', 'Sexual violence: Rape', '2005'),
    });
    expect((await cell('ICCS03011', 'DE', '2015'))?.source).toBe('estat.crim_off_cat');
    expect(await cell('ICCS03011', 'DE', '2015', 'unodc.cts')).toMatchObject({
      value: unodcCount('DEU', 'Sexual violence: Rape', '2015'),
    });
  });
});
