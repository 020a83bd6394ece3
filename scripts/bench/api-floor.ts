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
 * The floor: the SQL one request runs (data version, indicator, group, cells with their
 * populations), as prepared statements in a loop, without HTTP, validation or statistics.
 */
export function measureFloor(file: string, catalogue: BenchCatalogue, group: string): { compare: number; trends: number } {
  const db = new SQLite(file, { readonly: true });
  const version = db.prepare(`select (select max(id) from revisions) as max_id, (select max(recorded_at) from revisions) as latest,
    (select count(*) from submissions where status = 'committed') as committed`);
  const indicator = db.prepare('select * from indicators where code = ?');
  const geo = db.prepare('select code, name, kind from geos where code = ?');
  const members = db.prepare('select g.code, g.name from geo_group_members m join geos g on g.code = m.geo_code where m.group_code = ? order by g.code');
  const placeholders = catalogue.groupMembers.map(() => '?').join(',');
  const groupCells = db.prepare(`select geo, indicator, period, period_start, value, flags, revision_id, recorded_at from observations
    where indicator in (?, 'POP_JAN') and geo in (${placeholders}) and period in (?) order by indicator, geo, period_start`);
  const series = db.prepare(`select geo, indicator, period, period_start, value, flags, revision_id, recorded_at from observations
    where indicator in (?, 'POP_JAN') and geo in (?) order by indicator, geo, period_start`);
  const profiles = db.prepare(`select distinct geo, profile from submissions where status = 'committed' and geo in (${placeholders}) and profile is not null`);
  const compare = opsPerSecond(() => {
    const code = pick(catalogue.indicators);
    version.get();
    indicator.get(code);
    geo.get(group);
    members.all(group);
    groupCells.all(code, ...catalogue.groupMembers, pick(catalogue.periods));
    profiles.all(...catalogue.groupMembers);
  });
  const trends = opsPerSecond(() => {
    const code = pick(catalogue.indicators);
    const where = pick(catalogue.geos);
    version.get();
    indicator.get(code);
    geo.get(where);
    series.all(code, where);
  });
  db.close();
  return { compare, trends };
}
