import SQLite from 'better-sqlite3';
import { tuneSqliteReads } from '../../server/db/connect';
import type { BenchCatalogue } from './api-database';

const FLOOR_MS = 3000;

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function opsPerSecond(run: () => void): number {
  let ops = 0;
  const end = performance.now() + FLOOR_MS;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) run();
    ops += 50;
  }
  return ops / (FLOOR_MS / 1000);
}

/**
 * The floor: the SQL one uncached request runs (the change stamp, which stays put while nothing is
 * committed, so the data version itself is not re-read; then the indicator's cells with the columns
 * analytics reads; the population cells come from the per-data-version cache, read once), as
 * prepared statements in a loop, on a connection tuned as the server's is, without HTTP, validation, statistics or JSON.
 */
export function measureFloor(file: string, catalogue: BenchCatalogue): { compare: number; trends: number } {
  const db = new SQLite(file, { readonly: true });
  tuneSqliteReads(db);
  const version = db.prepare(
    'select total_changes() as changes, (select data_version from pragma_data_version) as version',
  );
  const placeholders = catalogue.groupMembers.map(() => '?').join(',');
  const groupCells = db.prepare(`select period, period_start, value, flags, geo from observations
    where indicator in (?) and geo in (${placeholders}) and period in (?) order by indicator, geo, period_start`);
  const series = db.prepare(`select period, period_start, value, flags from observations
    where indicator in (?) and geo in (?) order by indicator, geo, period_start`);
  const compare = opsPerSecond(() => {
    version.get();
    groupCells.all(pick(catalogue.indicators), ...catalogue.groupMembers, pick(catalogue.periods));
  });
  const trends = opsPerSecond(() => {
    version.get();
    series.all(pick(catalogue.indicators), pick(catalogue.geos));
  });
  db.close();
  return { compare, trends };
}
