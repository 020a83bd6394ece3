/**
 * /api/compare across all NUTS 3 regions (issue 19): of one country (Germany, 400 regions) and of
 * Europe (every NUTS 3 region of EU27_2020's members), on the seeded database, whose regional figures
 * are Eurostat's crim_gen_reg. Requests carry the Accept-Encoding a browser sends, as the dashboard's
 * do (an answer for Europe is about 400 KB of JSON, 40 KB in brotli); the same load without it is
 * measured too, without a target. Floor: the same cells read by a prepared better-sqlite3 statement
 * in a loop, on one core. Run alone: `npx tsx scripts/bench/api-regions.ts`; `npm run bench:api` runs it last.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { initialiseDatabase } from '../../server/app/startup';
import { openSqlite } from '../../server/db/connect';
import { askEveryPath, type LoadResult, load, processTreeCpuSeconds, startServer } from './api-server';

const INDICATORS = ['ICCS0101', 'ICCS0401', 'ICCS0501', 'ICCS05012', 'ICCS0502'];
const GERMAN_YEARS = ['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019'];
const YEARS = Array.from({ length: 14 }, (_, i) => String(2008 + i));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** What Chromium sends: the server answers brotli. */
const BROWSER_HEADERS = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

/** Every comparison a scope's load asks for: each indicator, year and measure. */
function comparePaths(group: string, years: readonly string[]): string[] {
  return INDICATORS.flatMap((indicator) =>
    years.flatMap((period) =>
      ['rate', 'count'].map(
        (measure) => `/api/compare?indicator=${indicator}&period=${period}&measure=${measure}&group=${group}&level=3`,
      ),
    ),
  );
}

const scopes = { DE: comparePaths('DE', GERMAN_YEARS), EU27_2020: comparePaths('EU27_2020', YEARS) };

interface Measured extends LoadResult {
  /** CPU time per answered request: the server's processes, and this process (autocannon's client). */
  serverCpuMs: number;
  clientCpuMs: number;
  /** Bytes received per request, headers included. */
  bytesPerAnswer: number;
}

async function measured(
  pid: number,
  port: number,
  paths: string[],
  headers: Record<string, string>,
): Promise<Measured> {
  const server = processTreeCpuSeconds(pid);
  const client = process.cpuUsage();
  const r = await load(port, () => pick(paths), undefined, headers);
  const { user, system } = process.cpuUsage(client);
  return {
    ...r,
    serverCpuMs: ((processTreeCpuSeconds(pid) - server) * 1000) / r.requests,
    clientCpuMs: (user + system) / 1000 / r.requests,
    bytesPerAnswer: r.bytes / r.requests,
  };
}

/** Milliseconds to each of the first answers of a fresh server, one at a time: computed, none cached. */
async function firstAnswers(port: number, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: BROWSER_HEADERS });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

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

export async function measureRegionalCompare(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-bench-regions-'));
  const file = path.join(dir, 'seeded.sqlite');
  const open = openSqlite(file);
  await initialiseDatabase(open.db);
  await open.close();
  const { child, port } = await startServer(file);
  try {
    const cold = await firstAnswers(port, [...scopes.EU27_2020].sort(() => Math.random() - 0.5).slice(0, 5));
    // Measured warm, as the answers are in service once asked: every process holds every answer.
    for (const paths of Object.values(scopes)) await askEveryPath(port, paths, BROWSER_HEADERS);
    const country = await measured(child.pid!, port, scopes.DE, BROWSER_HEADERS);
    const europe = await measured(child.pid!, port, scopes.EU27_2020, BROWSER_HEADERS);
    const europePlain = await measured(child.pid!, port, scopes.EU27_2020, {});
    child.kill('SIGTERM');
    await once(child, 'exit');
    const germanRegions = nuts3Of(file, ['DE']);
    const europeanRegions = nuts3Of(file, null);
    const floors = {
      country: floorOf(file, germanRegions, GERMAN_YEARS),
      europe: floorOf(file, europeanRegions, YEARS),
    };
    const lines = [
      `compare NUTS 3 of EU27_2020, first answers of a fresh server (computed, none cached; the first also loads the catalogue): ${cold.map((t) => `${t.toFixed(0)} ms`).join(', ')}`,
    ];
    for (const [name, r, regions, floor, how] of [
      ['DE', country, germanRegions.length, floors.country, 'Accept-Encoding of a browser'],
      ['EU27_2020', europe, europeanRegions.length, floors.europe, 'Accept-Encoding of a browser'],
      ['EU27_2020', europePlain, europeanRegions.length, floors.europe, 'no Accept-Encoding, no target'],
    ] as const) {
      // A non-2xx answer is a failure; an error is a request autocannon gave up on (a timeout under load).
      if (r.non2xx) throw new Error(`compare NUTS 3 of ${name}: ${r.non2xx} non-2xx answers`);
      const targets =
        how === 'no Accept-Encoding, no target'
          ? ''
          : `; targets p99 <= 50 ms ${r.p99 <= 50 ? 'met' : 'MISSED'}, >= 1,000 req/s ${r.rps >= 1000 ? 'met' : 'MISSED'}`;
      lines.push(
        `compare NUTS 3 of ${name} (${regions} regions; ${how}; ${(r.bytesPerAnswer / 1024).toFixed(0)} KB an answer): ${r.requests} requests (${r.errors} timed out), ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms; CPU per request: server ${r.serverCpuMs.toFixed(2)} ms, load generator ${r.clientCpuMs.toFixed(2)} ms; floor (prepared better-sqlite3, its two reads, one core) ${floor.toFixed(0)} ops/s, ratio ${(r.rps / floor).toFixed(2)}${targets}`,
      );
    }
    return lines;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await measureRegionalCompare()) console.log(line);
}
