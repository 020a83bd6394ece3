import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { loadGeoCatalogue } from '../../server/geos/geo.catalogue';
import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import { describeOnSqliteOnly } from '../helpers/database';
import { useSeededApp } from '../helpers/context';

const GEO = 'EU28';
const TRIALS = 8;

/** Every EU28 geo × 3 count indicators × month and quarter 1990–2020: about 43,000 new cells, values set by the trial. */
function writeLargeSubmission(file: string, trial: number): number {
  const geos = loadGeoCatalogue()
    .geos.filter((g) => g.code === GEO || g.groups.includes(GEO))
    .map((g) => g.code);
  const indicators = loadIndicatorCatalogue()
    .indicators.filter((i) => i.unit === 'count' && i.code.startsWith('ICCS'))
    .slice(0, 3)
    .map((i) => i.code);
  const lines = ['geo,indicator,period,value,flags,note'];
  for (const geo of geos)
    for (const indicator of indicators)
      for (let y = 1990; y <= 2020; y++) {
        for (let m = 1; m <= 12; m++)
          lines.push(`${geo},${indicator},${y}-${String(m).padStart(2, '0')},${100 * (trial + 1) + m},,crash`);
        for (let q = 1; q <= 4; q++) lines.push(`${geo},${indicator},${y}-Q${q},${300 * (trial + 1) + q},,crash`);
      }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

function run(
  file: string,
  csvFile: string,
): { child: ChildProcess; committing: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), file, csvFile, GEO],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const committing = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('committing')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, committing, exited };
}

interface Outcome {
  integrity: string;
  /** Per crash-test submission: its status, its revisions, and the current cells pointing at them. */
  submissions: { status: string; revisions: number; current: number }[];
}

/** Opens the file as a fresh process would after the crash. */
function inspect(file: string): Outcome {
  const sqlite = new SQLite(file);
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true }) as string;
    const submissions = sqlite
      .prepare(
        `select s.status,
           (select count(*) from revisions r where r.submission_id = s.id)
             + (select count(*) from observations o where o.submission_id = s.id) as revisions,
           (select count(*) from observations o where o.submission_id = s.id) as current
         from submissions s where s.submitted_by = 'crash-test' order by s.id`,
      )
      .all() as Outcome['submissions'];
    return { integrity, submissions };
  } finally {
    sqlite.close();
  }
}

describeOnSqliteOnly(
  'it kills a process mid-write and reopens the database file; PostgreSQL has its own WAL recovery',
  'crash safety',
  () => {
    // The child processes open the file themselves: the test's own connection is closed first.
    const ctx = useSeededApp();
    beforeAll(async () => ctx.database.close());

    it(`leaves all or nothing of a submission after SIGKILL at random moments (${TRIALS} trials)`, async () => {
      let committed = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const csvFile = path.join(path.dirname(ctx.database.file), `large-${trial}.csv`);
        const cells = writeLargeSubmission(csvFile, trial);
        const { child, committing, exited } = run(ctx.database.file, csvFile);
        // Even trials die during the commit, odd ones anywhere (reading, staging, diff or commit).
        if (trial % 2 === 0) await committing;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * (trial % 2 === 0 ? 400 : 2500)));
        child.kill('SIGKILL');
        await exited;
        const after = inspect(ctx.database.file);
        expect(after.integrity).toBe('ok');
        // Every trial writes the same cells with new values, so a later committed trial supersedes an
        // earlier one: only the latest committed submission holds the current cells.
        const latestCommitted = after.submissions.findLast((s) => s.status === 'committed');
        for (const s of after.submissions) {
          if (s.status === 'committed') {
            expect(s).toEqual({ status: 'committed', revisions: cells, current: s === latestCommitted ? cells : 0 });
          } else {
            expect(s.revisions).toBe(0);
            expect(s.current).toBe(0);
          }
        }
        committed = after.submissions.filter((s) => s.status === 'committed').length;
      }
      expect(committed).toBeLessThan(TRIALS);
    }, 240_000);
  },
);
