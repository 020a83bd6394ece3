import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { listening } from './server';

const RSCRIPT = process.env.RSCRIPT_PATH ?? '/usr/bin/Rscript';
const SCRIPT = path.join(import.meta.dirname, 'rsdmx/read-observatory.R');

let database: TestDatabase;
let server: Awaited<ReturnType<typeof listening>>;
beforeAll(async () => {
  database = await seededDatabase();
  server = await listening(database.db);
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

/** The script's "## name" sections, each parsed as CSV. */
function sections(output: string): Map<string, Record<string, string>[]> {
  const found = new Map<string, Record<string, string>[]>();
  for (const part of output.split(/^## /m).slice(1)) {
    const [name, ...lines] = part.split('\n');
    found.set(name!.trim(), Papa.parse<Record<string, string>>(lines.join('\n').trim(), { header: true }).data);
  }
  return found;
}

describe('R rsdmx reads the observatory', () => {
  it("reads the dataflow, the DSD with codelists, and data by key and periods, with the JSON API's values", async () => {
    // Never skipped: without R the interoperability promise is untested, so the test fails and says how to install it.
    if (!existsSync(RSCRIPT)) {
      throw new Error(
        `R is missing (${RSCRIPT}). Install it with: apt-get update && apt-get install -y r-cran-rsdmx ` +
          "(CI's .ci/run does).",
      );
    }
    const { stdout } = await promisify(execFile)(RSCRIPT, [SCRIPT, server.base], { timeout: 120_000 });
    const read = sections(stdout);
    expect(read.get('dataflows')).toEqual([{ id: 'CRIME', agencyID: 'CPO', version: '1.0' }]);
    const geos = await database.db.selectFrom('geos').select(['code', 'name']).orderBy('code').execute();
    expect(
      read
        .get('geo codes')!
        .map((c) => c.id)
        .sort(),
    ).toEqual(geos.map((g) => g.code).sort());
    expect(read.get('geo codes')!.find((c) => c.id === 'AT')).toMatchObject({ 'label.en': 'Austria' });
    expect(read.get('dimensions')!.map((d) => d.id)).toEqual(['FREQ', 'INDICATOR', 'GEO']);

    const rows = read.get('data')!;
    const res = await fetch(`${server.base}/api/observations?indicator=ICCS0101&geo=AT,DE&from=2015&to=2018`);
    const api = (await res.json()) as { data: { geo: string; period: string; value: number }[] };
    expect(
      rows
        .map((r) => ({ geo: r.GEO, period: r.obsTime, value: Number(r.obsValue) }))
        .sort((a, b) => `${a.geo}${a.period}`.localeCompare(`${b.geo}${b.period}`)),
    ).toEqual(api.data.map((o) => ({ geo: o.geo, period: o.period, value: o.value })));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.UNIT_MEASURE))).toEqual(new Set(['count']));
  });
});
