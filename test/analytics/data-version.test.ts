import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readDataVersion } from '../../server/analytics/vintage.repository';
import { openDatabase } from '../../server/db/connect';
import type { TestDatabase } from '../helpers/database';
import { useTestDatabases } from '../helpers/context';

const databases = useTestDatabases();
let database: TestDatabase;

describe('the current data version, re-read only when something was written', () => {
  it('moves with a write on this connection, a write by another connection, and stays put otherwise', async () => {
    database = await databases.seeded();
    const first = await readDataVersion(database.db, null);
    expect(await readDataVersion(database.db, null)).toEqual(first);

    await sql`update indicators set version = version + 1 where code = ${'ICCS0101'}`.execute(database.db);
    const bumped = await readDataVersion(database.db, null);
    expect(bumped.catalogueKey).not.toBe(first.catalogueKey);
    expect(bumped.key).toBe(first.key);

    const other = await openDatabase(database.file);
    try {
      await sql`update submissions set status = ${'withdrawn'} where id = (select min(id) from submissions where status = ${'committed'})`.execute(
        other.db,
      );
    } finally {
      await other.close();
    }
    const withdrawn = await readDataVersion(database.db, null);
    expect(withdrawn.key).not.toBe(bumped.key);
    expect(withdrawn.catalogueKey).toBe(bumped.catalogueKey);
  });

  it('reads the same version again after a rolled-back write', async () => {
    database = await databases.seeded();
    const before = await readDataVersion(database.db, null);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`update indicators set version = version + 1`.execute(tx);
        expect((await readDataVersion(tx, null)).catalogueKey).not.toBe(before.catalogueKey);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readDataVersion(database.db, null)).toEqual(before);
  });
});
