/**
 * npm run bench:ingest [-- --rows 3000000]
 * Generates a canonical CSV (1,000,000 rows by default) and ingests it through the full submission
 * pipeline into a fresh file database (or a fresh PostgreSQL database when DATABASE_URL is a
 * postgres:// URL). In the same run it measures the floor: papaparse parsing the same file into
 * arrays, plus better-sqlite3 inserting the same rows with one prepared statement in one transaction.
 * Each phase runs in its own process; peak RSS is the pipeline process's VmHWM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../../server/db/connect';
import { writeBenchCsv } from './ingest-data';
import { freshPostgresDatabase } from './ingest-postgres';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);

function phase(name: 'floor' | 'pipeline', file: string, target: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'ingest-phase.ts'), name, file, target],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

const dir = mkdtempSync(path.join(tmpdir(), 'observatory-bench-'));
try {
  const file = path.join(dir, 'bench.csv');
  await writeBenchCsv(file, rows);
  console.log(`file: ${rows} rows, ${(statSync(file).size / (1024 * 1024)).toFixed(1)} MB`);

  const floor = phase('floor', file, path.join(dir, 'floor.sqlite'));
  console.log(
    `floor: parse ${floor.parseSeconds!.toFixed(2)} s + insert ${floor.insertSeconds!.toFixed(2)} s, peak RSS ${floor.peakRssMb!.toFixed(0)} MB`,
  );

  const url = process.env.DATABASE_URL;
  const postgres = url && isPostgresUrl(url) ? await freshPostgresDatabase(url) : null;
  const target = postgres?.url ?? path.join(dir, 'pipeline.sqlite');
  let pipeline: Record<string, number>;
  try {
    pipeline = phase('pipeline', file, target);
  } finally {
    await postgres?.drop();
  }
  console.log(
    `pipeline (${postgres ? 'postgresql' : 'sqlite'}): preview ${pipeline.previewSeconds!.toFixed(2)} s + commit ${pipeline.commitSeconds!.toFixed(2)} s, ${pipeline.revisions} revisions`,
  );

  const pipelineRate = pipeline.rows! / pipeline.seconds!;
  const floorRate = floor.rows! / floor.seconds!;
  console.log(
    `ingest: ${Math.round(pipelineRate)} rows/s, floor ${Math.round(floorRate)} rows/s, ratio ${(pipelineRate / floorRate).toFixed(2)}, peak RSS ${Math.round(pipeline.peakRssMb!)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
