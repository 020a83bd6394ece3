import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { type OpenDatabase, openSqlite, rawSqliteOf } from '../../server/db/connect';
import { holdingConnection } from '../../server/db/sqlite-dialect';
import { describeOnSqliteOnly, type TestDatabase } from '../helpers/database';
import { useTestDatabases } from '../helpers/context';

const databases = useTestDatabases();
let first: TestDatabase;
let second: OpenDatabase;
afterEach(async () => second?.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnSqliteOnly(
  'two connections to one SQLite file stand for two server processes; PostgreSQL has its own concurrency tests',
  'SQLite transactions across processes',
  () => {
    it("queues a transaction behind another connection's, without blocking the event loop, and loses neither", async () => {
      first = await databases.empty();
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
      // While its transaction waits for the lock, the same connection still answers reads.
      await pause(50);
      const { rows: seen } = await sql<{ n: number }>`select count(*) as n from tally`.execute(second.db);
      order.push(`second read ${seen[0]!.n} rows while waiting`);
      await Promise.all([holding, waiting]);
      clearInterval(ticker);

      expect(order).toEqual(['first wrote', 'second read 0 rows while waiting', 'first commits', 'second begins']);
      const { rows } = await sql<{ who: string; seen: number }>`select who, seen from tally order by who`.execute(
        first.db,
      );
      expect(rows).toEqual([
        { who: 'first', seen: 0 },
        { who: 'second', seen: 1 },
      ]);
      // The wait was asynchronous: timers kept firing while the second connection waited ~280 ms.
      expect(ticks).toBeGreaterThan(10);
    });

    it("makes a write outside a transaction wait for another connection's transaction, asynchronously", async () => {
      first = await databases.empty();
      second = openSqlite(first.file);
      await sql`create table tally (who text not null)`.execute(first.db);

      const order: string[] = [];
      const holding = first.db.transaction().execute(async (tx) => {
        await sql`insert into tally values ('first')`.execute(tx);
        await pause(300);
        order.push('first commits');
      });
      await pause(20);
      const write = sql`insert into tally values ('second')`.execute(second.db).then(() => order.push('second wrote'));
      await pause(50);
      const { rows } = await sql<{ n: number }>`select count(*) as n from tally`.execute(second.db);
      order.push(`second read ${rows[0]!.n} rows while waiting`);
      await Promise.all([holding, write]);

      expect(order).toEqual(['second read 0 rows while waiting', 'first commits', 'second wrote']);
      const { rows: after } = await sql<{ who: string }>`select who from tally order by who`.execute(first.db);
      expect(after.map((r) => r.who)).toEqual(['first', 'second']);
    });

    it('keeps a held connection to itself while it waits (foreign-key checks stay off for nobody else)', async () => {
      first = await databases.empty();
      second = openSqlite(first.file);
      await sql`create table tally (who text not null)`.execute(first.db);
      const raw = rawSqliteOf(second.db)!;

      const order: string[] = [];
      const holding = first.db.transaction().execute(async () => {
        await pause(300);
        order.push('first commits');
      });
      await pause(20);
      const held = second.db.connection().execute((conn) =>
        holdingConnection(raw, () =>
          conn.transaction().execute(async (tx) => {
            order.push('held transaction begins');
            await sql`insert into tally values ('held')`.execute(tx);
          }),
        ),
      );
      await pause(50);
      const read = sql`select count(*) as n from tally`.execute(second.db).then(() => order.push('other query ran'));
      await Promise.all([holding, held, read]);

      expect(order).toEqual(['first commits', 'held transaction begins', 'other query ran']);
    });
  },
);
