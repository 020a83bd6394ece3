/**
 * /api/compare across all NUTS 3 regions (issue 19): of one country (Germany, 400 regions) and of
 * Europe (every NUTS 3 region of EU27_2020's members), on the seeded database, whose regional figures
 * are Eurostat's crim_gen_reg. Floor: the same cells read by a prepared better-sqlite3 statement in a
 * loop, on one core. Run alone: `tsx scripts/bench/api-regions.ts`; `npm run bench:api` runs it last.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { initialiseDatabase } from '../../server/app/startup';
import { openSqlite } from '../../server/db/connect';

interface LoadResult {
  rps: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface BenchServer {
  startServer: (file: string, env?: Record<string, string>) => Promise<{ child: ChildProcess; port: number }>;
  load: (port: number, pathFor: () => string, duration?: number) => Promise<LoadResult>;
}

const INDICATORS = ['ICCS0101', 'ICCS0401', 'ICCS0501', 'ICCS05012', 'ICCS0502'];
const GERMAN_YEARS = ['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019'];
const YEARS = Array.from({ length: 14 }, (_, i) => String(2008 + i));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

const scopes = {
  country: () =>
    `/api/compare?indicator=${pick(INDICATORS)}&period=${pick(GERMAN_YEARS)}&measure=${pick(['rate', 'count'])}&group=DE&level=3`,
  europe: () =>
    `/api/compare?indicator=${pick(INDICATORS)}&period=${pick(YEARS)}&measure=${pick(['rate', 'count'])}&group=EU27_2020&level=3`,
};

/** Operations per second of the bare reads behind one comparison: counts and published rates of the regions. */
function floorOf(file: string, geos: string[], years: string[]): number {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const marks = geos.map(() => '?').join(',');
    const cells = sqlite.prepare(
      `select geo, value, flags from observations where indicator = ? and period = ? and geo in (${marks})`,
    );
    const rates = sqlite.prepare(
      `select geo, value, source from published_rates where indicator = ? and period = ? and geo in (${marks})`,
    );
    let ops = 0;
    const started = performance.now();
    while (performance.now() - started < 3000) {
      const indicator = pick(INDICATORS);
      const period = pick(years);
      cells.all(indicator, period, ...geos);
      rates.all(indicator, period, ...geos);
      ops++;
    }
    return ops / ((performance.now() - started) / 1000);
  } finally {
    sqlite.close();
  }
}

function nuts3Of(file: string, countries: string[] | null): string[] {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const rows = sqlite.prepare(`select code, country from geos where kind = 'region' and nuts_level = 3`).all() as {
      code: string;
      country: string;
    }[];
    const members =
      countries ??
      (
        sqlite.prepare(`select geo_code from geo_group_members where group_code = 'EU27_2020'`).all() as {
          geo_code: string;
        }[]
      ).map((m) => m.geo_code);
    return rows.filter((r) => members.includes(r.country)).map((r) => r.code);
  } finally {
    sqlite.close();
  }
}

export async function measureRegionalCompare(bench: BenchServer): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-bench-regions-'));
  const file = path.join(dir, 'seeded.sqlite');
  const open = openSqlite(file);
  await initialiseDatabase(open.db);
  await open.close();
  const { child, port } = await bench.startServer(file);
  try {
    for (const pathFor of Object.values(scopes)) await bench.load(port, pathFor, 3);
    const country = await bench.load(port, scopes.country);
    const europe = await bench.load(port, scopes.europe);
    child.kill('SIGTERM');
    await once(child, 'exit');
    const germanRegions = nuts3Of(file, ['DE']);
    const europeanRegions = nuts3Of(file, null);
    const floors = {
      country: floorOf(file, germanRegions, GERMAN_YEARS),
      europe: floorOf(file, europeanRegions, YEARS),
    };
    const lines: string[] = [];
    for (const [name, r, regions, floor] of [
      ['DE', country, germanRegions.length, floors.country],
      ['EU27_2020', europe, europeanRegions.length, floors.europe],
    ] as const) {
      // A non-2xx answer is a failure; an error is a request autocannon gave up on (a timeout under load).
      if (r.non2xx) throw new Error(`compare NUTS 3 of ${name}: ${r.non2xx} non-2xx answers`);
      lines.push(
        `compare NUTS 3 of ${name} (${regions} regions): ${r.requests} requests (${r.errors} timed out), ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms; floor (prepared better-sqlite3, its two reads, one core) ${floor.toFixed(0)} ops/s, ratio ${(r.rps / floor).toFixed(2)}; targets p99 <= 50 ms ${r.p99 <= 50 ? 'met' : 'MISSED'}, >= 1,000 req/s ${r.rps >= 1000 ? 'met' : 'MISSED'}`,
      );
    }
    return lines;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startServer, load } = await import('./api-server');
  for (const line of await measureRegionalCompare({ startServer, load })) console.log(line);
}
