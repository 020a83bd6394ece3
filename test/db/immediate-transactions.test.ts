import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { type OpenDatabase, openSqlite } from '../../server/db/connect';
import { describeOnSqliteOnly, emptyDatabase, type TestDatabase } from '../helpers/database';

let first: TestDatabase;
let second: OpenDatabase;
afterEach(async () => {
  await second?.close();
  await first?.dispose();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnSqliteOnly('two connections to one SQLite file stand for two server processes; PostgreSQL has its own concurrency tests', 'SQLite transactions across processes', () => {
  it('queues a transaction behind another connection\'s, without blocking the event loop, and loses neither', async () => {
    first = await emptyDatabase();
    second = openSqlite(first.file);
    await sql`create table tally (who text not null, seen integer not null)`.execute(first.db);

    const order: string[] = [];
    const holding = first.db.transaction().execute(async (tx) => {
      await sql`insert into tally values ('first', 0)`.execute(tx);
      order.push('first wrote');
      await pause(300);
      order.push('first commits');
    });
    await pause(20);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    // Reads, then writes: begun deferred, this would hold a stale snapshot and fail with SQLITE_BUSY.
    const waiting = second.db.transaction().execute(async (tx) => {
      order.push('second begins');
      const { rows } = await sql<{ n: number }>`select count(*) as n from tally`.execute(tx);
      await sql`insert into tally values ('second', ${rows[0]!.n})`.execute(tx);
    });
    await Promise.all([holding, waiting]);
    clearInterval(ticker);

    expect(order).toEqual(['first wrote', 'first commits', 'second begins']);
    const { rows } = await sql<{ who: string; seen: number }>`select who, seen from tally order by who`.execute(first.db);
    expect(rows).toEqual([{ who: 'first', seen: 0 }, { who: 'second', seen: 1 }]);
    // The wait was asynchronous: timers kept firing while the second connection waited ~280 ms.
    expect(ticks).toBeGreaterThan(10);
  });
});
