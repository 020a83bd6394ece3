import SQLite from 'better-sqlite3';
import { openSqlite } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';

/** The synthetic observatory the API benchmark runs against. */
export const BENCH_SHAPE = {
  countries: 40,
  regions: 360,
  indicators: 250,
  firstYear: 1998,
  years: 25,
  revisions: 2,
  groupSize: 27,
} as const;

export const BENCH_GROUP = 'BENCH_GROUP';
const FIRST_RECORDED = '2025-03-01T10:00:00.000Z';
const SECOND_RECORDED = '2026-03-01T10:00:00.000Z';

export interface BenchCatalogue {
  geos: string[];
  countries: string[];
  groupMembers: string[];
  indicators: string[];
  periods: string[];
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same database. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchCatalogue(): BenchCatalogue {
  const countries = Array.from({ length: BENCH_SHAPE.countries }, (_, i) => `C${String(i).padStart(2, '0')}`);
  const regions = Array.from({ length: BENCH_SHAPE.regions }, (_, i) => `R${String(i).padStart(3, '0')}`);
  return {
    geos: [...countries, ...regions],
    countries,
    groupMembers: countries.slice(0, BENCH_SHAPE.groupSize),
    indicators: Array.from({ length: BENCH_SHAPE.indicators - 1 }, (_, i) => `BENCH${String(i).padStart(4, '0')}`),
    periods: Array.from({ length: BENCH_SHAPE.years }, (_, i) => String(BENCH_SHAPE.firstYear + i)),
  };
}

/**
 * Builds the file database: the real migrations, then every row through one prepared statement per
 * table inside one transaction. 400 geos × 250 indicators (POP_JAN among them) × 25 years × 2
 * revisions = 5,000,000 revisions and 2,500,000 current observations.
 */
export async function buildBenchDatabase(file: string): Promise<{ revisions: number; observations: number }> {
  const open = openSqlite(file);
  await migrateToLatest(open.db);
  await open.close();
  const sqlite = new SQLite(file);
  // A throwaway file: no rollback journal while loading, WAL again for the server afterwards.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const catalogue = benchCatalogue();
  let revisions = 0;
  let observations = 0;
  sqlite.transaction(() => {
    insertCatalogue(sqlite, catalogue);
    const counts = insertCells(sqlite, catalogue);
    revisions = counts.revisions;
    observations = counts.observations;
  })();
  sqlite.exec('ANALYZE');
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { revisions, observations };
}

function insertCatalogue(sqlite: SQLite.Database, catalogue: BenchCatalogue): void {
  sqlite.prepare("insert into themes (code, name) values ('bench', 'Benchmark')").run();
  const indicator =
    sqlite.prepare(`insert into indicators (code, name, definition, unit, polarity, theme, source, methodology,
    rate_derivable, rate_denominator, aggregation, implausible_change, version)
    values (?, ?, 'Synthetic offence count', 'count', 'higher_is_worse', 'bench', 'Synthetic benchmark data', 'Synthetic', ?, ?, 'sum', 1.0, 1)`);
  indicator.run('POP_JAN', 'Population on 1 January', 0, null);
  for (const code of catalogue.indicators) indicator.run(code, `Offence ${code}`, 1, 'POP_JAN');
  const geo = sqlite.prepare('insert into geos (code, name, kind) values (?, ?, ?)');
  geo.run(BENCH_GROUP, 'Benchmark group', 'aggregate');
  for (const code of catalogue.geos) geo.run(code, `Geo ${code}`, 'country');
  const member = sqlite.prepare('insert into geo_group_members (group_code, geo_code) values (?, ?)');
  for (const code of catalogue.groupMembers) member.run(BENCH_GROUP, code);
  const submission =
    sqlite.prepare(`insert into submissions (id, geo, submitted_by, submitted_at, file_name, sha256, byte_size, format,
    rows_read, cells_valid, error_count, warning_count, status, report, committed_at) values (?, 'C00', 'bench', ?, 'bench.csv', ?, 0, 'canonical', 0, 0, 0, 0, 'committed', '{}', ?)`);
  submission.run(1, FIRST_RECORDED, 'a'.repeat(64), FIRST_RECORDED);
  submission.run(2, SECOND_RECORDED, 'b'.repeat(64), SECOND_RECORDED);
  // Each commit's revisions are one id range: the first submission's versions, then the second's.
  const cells = cellCount(catalogue);
  const range = sqlite.prepare('update submissions set first_revision_id = ?, last_revision_id = ? where id = ?');
  range.run(1, cells, 1);
  range.run(cells + 1, 2 * cells, 2);
}

function cellCount(catalogue: BenchCatalogue): number {
  return (catalogue.indicators.length + 1) * catalogue.geos.length * catalogue.periods.length;
}

/**
 * Every cell twice: the first submission's version, superseded (in revisions), and the second's,
 * current (in observations).
 */
function insertCells(sqlite: SQLite.Database, catalogue: BenchCatalogue): { revisions: number; observations: number } {
  const revision =
    sqlite.prepare(`insert into revisions (id, submission_id, geo, indicator, period, period_start, value, flags, note, recorded_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, null, ?)`);
  const observation =
    sqlite.prepare(`insert into observations (geo, indicator, period, period_start, value, flags, note, revision_id, submission_id, recorded_at)
    values (?, ?, ?, ?, ?, ?, null, ?, 2, ?)`);
  const next = random(20261122);
  const cells = cellCount(catalogue);
  let id = 0;
  let observations = 0;
  const population = new Map(catalogue.geos.map((g) => [g, 200_000 + Math.floor(next() * 60_000_000)]));
  for (const indicator of ['POP_JAN', ...catalogue.indicators]) {
    for (const geo of catalogue.geos) {
      const level = 0.5 + next() * 400;
      const slope = (next() - 0.5) * 0.04;
      const breakYear = next() < 0.05 ? 5 + Math.floor(next() * 15) : -1;
      catalogue.periods.forEach((period, t) => {
        const pop = population.get(geo)! * (1 + 0.003 * t);
        const value =
          indicator === 'POP_JAN'
            ? Math.round(pop)
            : Math.max(0, Math.round((level * (1 + slope * t) * (1 + (next() - 0.5) * 0.1) * pop) / 100_000));
        const flags = (t === breakYear ? 'b' : '') + (t === catalogue.periods.length - 1 ? 'p' : '');
        const start = `${period}-01-01`;
        revision.run(++id, 1, geo, indicator, period, start, Math.round(value * 0.98), flags, FIRST_RECORDED);
        observation.run(geo, indicator, period, start, value, flags, cells + id, SECOND_RECORDED);
        observations++;
      });
    }
  }
  return { revisions: 2 * id, observations };
}
