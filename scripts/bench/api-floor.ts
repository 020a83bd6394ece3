import SQLite from 'better-sqlite3';
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
 * The floor: the SQL one uncached request runs (the data version, then the indicator's cells; the
 * population cells come from the per-data-version cache, read once), as prepared statements in a
 * loop, without HTTP, validation, statistics or JSON.
 */
export function measureFloor(file: string, catalogue: BenchCatalogue): { compare: number; trends: number } {
  const db = new SQLite(file, { readonly: true });
  const version = db.prepare(`select (select max(id) from revisions) as max_id, (select max(recorded_at) from revisions) as latest,
    (select count(*) from submissions where status = 'committed') as committed,
    (select count(*) from submissions where status = 'committed' and profile is not null) as profiled,
    (select count(*) from indicators) as indicators, (select sum(version) from indicators) as indicator_versions,
    (select count(*) from geos) as geos, (select count(*) from geo_group_members) as memberships`);
  const placeholders = catalogue.groupMembers.map(() => '?').join(',');
  const groupCells = db.prepare(`select geo, indicator, period, period_start, value, flags, revision_id, recorded_at from observations
    where indicator in (?) and geo in (${placeholders}) and period in (?) order by indicator, geo, period_start`);
  const series = db.prepare(`select geo, indicator, period, period_start, value, flags, revision_id, recorded_at from observations
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
