import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { BENCH_GROUP, BENCH_SHAPE, benchCatalogue, buildBenchDatabase } from './api-database';
import { measureFloor } from './api-floor';
import { HIT_RATE_YEARS } from '../../server/alerts/alerts';
import { measureStream, sdmxPaths } from './api-sdmx';
import { measureRegionalCompare } from './api-regions';
import { load, startServer } from './api-server';

/**
 * npm run bench:api — builds a 5,000,000-revision SQLite file, load-tests /api/compare and
 * /api/trends with autocannon (after a warm-up; 32 connections, 10 s each, random indicator/period/geo per request),
 * and measures the floor: the same SQL as prepared better-sqlite3 statements in a loop. /api/alerts is
 * timed twice: its first answer after a new data version (a commit), and its cached answers under load.
 */
const WARM_UP_S = 2;

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

/**
 * A new data version as a commit makes it: one more committed submission (the version key counts
 * them), written by another connection as the ingest would.
 */
function newDataVersion(file: string): void {
  const sqlite = new SQLite(file);
  try {
    const id = (sqlite.prepare('select max(id) + 1 as id from submissions').get() as { id: number }).id;
    const at = new Date().toISOString();
    sqlite
      .prepare(`insert into submissions (id, geo, submitted_by, submitted_at, file_name, sha256, byte_size, format,
      rows_read, cells_valid, error_count, warning_count, status, report, committed_at) values (?, 'C00', 'bench', ?, 'bench.csv', ?, 0, 'canonical', 0, 0, 0, 0, 'committed', '{}', ?)`)
      .run(id, at, String(id).padStart(64, '0'), at);
  } finally {
    sqlite.close();
  }
}

/** Times the first /api/alerts answer after each of `runs` new data versions. */
async function firstAlertsAnswers(file: string, port: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    newDataVersion(file);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/alerts?group=${BENCH_GROUP}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/api/alerts answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** BENCH_DB_FILE keeps the built database for another run (it is rebuilt when missing). */
async function prepareDatabase(): Promise<{ file: string; dispose: () => void }> {
  const kept = process.env.BENCH_DB_FILE;
  const dir = kept ? null : mkdtempSync(path.join(tmpdir(), 'observatory-bench-'));
  const file = kept ?? path.join(dir!, 'bench.sqlite');
  if (kept && existsSync(kept)) {
    console.log(`database: reusing ${kept}`);
  } else {
    const started = performance.now();
    const built = await buildBenchDatabase(file);
    const shape = `${BENCH_SHAPE.countries + BENCH_SHAPE.regions} geos × ${BENCH_SHAPE.indicators} indicators × ${BENCH_SHAPE.years} years × ${BENCH_SHAPE.revisions} revisions`;
    console.log(
      `database: ${built.revisions.toLocaleString('en')} revisions, ${built.observations.toLocaleString('en')} current observations (${shape}) built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { file, dispose: () => dir && rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const { file, dispose } = await prepareDatabase();
  let server: ChildProcess | undefined;
  try {
    const catalogue = benchCatalogue();
    const comparePath = () =>
      `/api/compare?indicator=${pick(catalogue.indicators)}&period=${pick(catalogue.periods)}&measure=rate&group=${BENCH_GROUP}`;
    const trendPath = () =>
      `/api/trends?indicator=${pick(catalogue.indicators)}&geo=${pick(catalogue.geos)}&measure=rate`;
    const sdmx = sdmxPaths(catalogue);

    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} before the load test`,
    );
    const { child, port } = await startServer(file);
    server = child;
    // A server is measured warm, as it runs in service: compiled code, SQLite's page cache, the
    // catalogue and population caches. The warm-up runs the measured code paths under other cache
    // keys, so it caches none of the measured answers: counts; rates as of a moment after every
    // commit (the same figures, read through the vintage path); trends with their first period given.
    const warmUps = [
      () => comparePath().replace('measure=rate', 'measure=count'),
      () => trendPath().replace('measure=rate', 'measure=count'),
      () => `${comparePath()}&asOf=2100-01-01`,
      () => `${trendPath()}&from=${catalogue.periods[0]}`,
      () => `${sdmx.sdmxCsv()}&detail=dataonly`,
      () => sdmx.jsonStat().replace('format=jsonstat', 'format=csv'),
    ];
    for (const warmUp of warmUps) await load(port, warmUp, WARM_UP_S);
    console.log(
      `warm-up: ${WARM_UP_S} s each of compare and trends counts, compare rates as of 2100-01-01, trend rates from ${catalogue.periods[0]} (no measured answer cached)`,
    );
    const compare = await load(port, comparePath);
    const trends = await load(port, trendPath);
    const firstAlerts = await firstAlertsAnswers(file, port, 3);
    console.log(
      `alerts: first answer after a new data version ${firstAlerts.map((t) => `${t.toFixed(0)} ms`).join(', ')} (3 commits; the whole group screened for the period and the hit rate's ${HIT_RATE_YEARS} years)`,
    );
    // Cached alerts: the dashboard's request (the latest period). Each server process computes it once
    // (concurrent requests share the computation) during a warm-up that is not measured.
    const alertsPath = () => `/api/alerts?group=${BENCH_GROUP}`;
    await load(port, alertsPath, 5 * WARM_UP_S);
    const alerts = await load(port, alertsPath);
    const sdmxCsv = await load(port, sdmx.sdmxCsv);
    const jsonStat = await load(port, sdmx.jsonStat);
    child.kill('SIGTERM');
    await once(child, 'exit');
    server = undefined;
    console.log(
      `machine: load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} after the load test`,
    );
    for (const [name, r] of [
      ['compare', compare],
      ['trends', trends],
      ['alerts (cached)', alerts],
      ['sdmx-csv', sdmxCsv],
      ['jsonstat', jsonStat],
    ] as const) {
      console.log(
        `${name}: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
      if (r.non2xx || r.errors)
        throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
    }

    const floor = measureFloor(file, catalogue);
    console.log(
      `floor (prepared better-sqlite3, same queries, one core): compare ${floor.compare.toFixed(0)} ops/s, trends ${floor.trends.toFixed(0)} ops/s`,
    );
    const ratio = Math.sqrt((compare.rps / floor.compare) * (trends.rps / floor.trends));
    console.log(
      'ratio to floor = geometric mean over both endpoints of (API req/s ÷ floor ops/s); 1 means as fast as the bare queries, above 1 means cached answers beat them',
    );
    console.log(
      `api: compare ${compare.rps.toFixed(0)} req/s p99 ${compare.p99} ms, trends ${trends.rps.toFixed(0)} req/s p99 ${trends.p99} ms, ratio to floor ${ratio.toFixed(2)}`,
    );
    const slowestFirst = Math.max(...firstAlerts);
    console.log(
      `alerts: cached ${alerts.rps.toFixed(0)} req/s p99 ${alerts.p99} ms (${(alerts.rps / compare.rps).toFixed(2)} × compare's req/s); first answer after a commit at most ${slowestFirst.toFixed(0)} ms`,
    );
    // The SDMX-CSV query reads a trend's cells (one indicator, one geo), JSON-stat a comparison's
    // (one period, a group).
    console.log(
      `interop: sdmx-csv ${sdmxCsv.rps.toFixed(0)} req/s p99 ${sdmxCsv.p99} ms ` +
        `(ratio to the trends floor ${(sdmxCsv.rps / floor.trends).toFixed(2)}), ` +
        `jsonstat ${jsonStat.rps.toFixed(0)} req/s ` +
        `p99 ${jsonStat.p99} ms (ratio to the compare floor ${(jsonStat.rps / floor.compare).toFixed(2)})`,
    );
    await streamMillion(file, sdmx.million);
    for (const line of await measureRegionalCompare()) console.log(line);
  } finally {
    server?.kill('SIGTERM');
    dispose();
  }
}

/**
 * A one-process server streams 1,000,000 observations as SDMX-ML; its peak RSS is read from /proc.
 * Its JS heap is capped below the answer's size (about 106 MB of text, twice that as a JS string):
 * a server that built the answer in memory would die of it, one that streams finishes.
 */
const STREAM_HEAP_MB = 96;

async function streamMillion(file: string, million: string): Promise<void> {
  const heapCap = `--max-old-space-size=${STREAM_HEAP_MB}`;
  const { child, port } = await startServer(file, { WORKERS: '1', NODE_OPTIONS: heapCap });
  try {
    await fetch(`http://127.0.0.1:${port}/sdmx/2.1/dataflow/CPO/CRIME/latest`);
    const m = await measureStream(`http://127.0.0.1:${port}`, child.pid!, million);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    if (m.status !== 200 || m.observations !== 1_000_000) {
      throw new Error(`stream: status ${m.status}, ${m.observations} observations`);
    }
    const peak = Math.max(m.after.peak, m.sampledPeak);
    console.log(
      `stream: SDMX-ML Generic, ${m.observations.toLocaleString('en')} observations, ${mb(m.bytes)} ` +
        `in ${m.seconds.toFixed(1)} s; server (JS heap capped at ${STREAM_HEAP_MB} MB): ` +
        `RSS ${mb(m.before.rss)} before, ` +
        `peak ${mb(peak)} (VmHWM, including the database pages read through mmap); ` +
        `own memory (RssAnon) ${mb(m.before.anon)} before, peak ${mb(m.anonPeak)}`,
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

await main();
