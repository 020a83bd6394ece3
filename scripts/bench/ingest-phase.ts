/**
 * One measured phase of npm run bench:ingest, in its own process so its peak RSS is its own:
 *   floor FILE DBFILE     papaparse parses FILE into arrays, then better-sqlite3 inserts the same rows
 *                         with one prepared statement in one transaction.
 *   pipeline FILE URL     the full submission pipeline (sniff, parse, validate, stage, diff, commit)
 *                         into a fresh database (a SQLite file, or a postgres:// URL).
 * Prints one JSON line: { rows, seconds, peakRssMb }.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import Papa from 'papaparse';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { loadGeoCatalogue } from '../../server/geos/geo.catalogue';
import { insertGeoCatalogue } from '../../server/geos/geo.repository';
import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import { insertIndicatorCatalogue } from '../../server/indicators/indicator.repository';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { fileSource } from '../../server/submissions/read/source';
import { BENCH_GEO, benchIndicators } from './ingest-data';

/** Peak resident set size of this process so far, from the kernel (VmHWM), in MB. */
export function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / (1024 * 1024);
}

function parseChunks(file: string, onRows: (rows: string[][]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
      header: false,
      skipEmptyLines: true,
      chunk: (results) => onRows(results.data),
      complete: () => resolve(),
      error: reject,
    });
  });
}

async function floor(file: string, dbFile: string) {
  let rows = 0;
  const parseStart = performance.now();
  await parseChunks(file, (data) => {
    rows += data.length;
  });
  const parseSeconds = (performance.now() - parseStart) / 1000;

  const sqlite = new SQLite(dbFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec(
    'create table cells (geo text, indicator text, period text, value double precision, flags text, note text)',
  );
  const insert = sqlite.prepare('insert into cells values (?, ?, ?, ?, ?, ?)');
  let insertMs = 0;
  let header = true;
  sqlite.exec('begin');
  await parseChunks(file, (data) => {
    const start = performance.now();
    for (const r of data) {
      if (header) {
        header = false;
        continue;
      }
      insert.run(r[0], r[1], r[2], Number(r[3]), r[4], r[5]);
    }
    insertMs += performance.now() - start;
  });
  const commitStart = performance.now();
  sqlite.exec('commit');
  insertMs += performance.now() - commitStart;
  sqlite.close();
  return {
    rows: rows - 1,
    seconds: parseSeconds + insertMs / 1000,
    parseSeconds,
    insertSeconds: insertMs / 1000,
    peakRssMb: peakRssMb(),
  };
}

async function pipeline(file: string, url: string) {
  const { db, close } = await openDatabase(url);
  await migrateToLatest(db);
  await insertGeoCatalogue(db, loadGeoCatalogue().geos);
  const catalogue = loadIndicatorCatalogue();
  await insertIndicatorCatalogue(db, { ...catalogue, indicators: [...catalogue.indicators, ...benchIndicators()] });
  const source = await fileSource(file);
  const start = performance.now();
  const preview = await previewSubmission(db, { geo: BENCH_GEO, submittedBy: 'bench', source });
  if (preview.status !== 'validated') {
    throw new Error(`bench file rejected: ${JSON.stringify(preview.report.entries.slice(0, 3))}`);
  }
  const previewSeconds = (performance.now() - start) / 1000;
  const committed = await commitSubmission(db, preview.submissionId);
  const seconds = (performance.now() - start) / 1000;
  await close();
  return {
    rows: preview.cellsValid,
    revisions: committed.revisionsAdded,
    seconds,
    previewSeconds,
    commitSeconds: seconds - previewSeconds,
    peakRssMb: peakRssMb(),
  };
}

const [phase, file, target] = process.argv.slice(2);
const run = phase === 'floor' ? floor : phase === 'pipeline' ? pipeline : null;
if (!run || !file || !target) {
  console.error('usage: tsx scripts/bench/ingest-phase.ts floor|pipeline FILE DBFILE|URL');
  process.exit(2);
}
run(file, target).then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
