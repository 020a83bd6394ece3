import { afterEach, describe, expect, it } from 'vitest';
import { initialiseDatabase } from '../../server/app/startup';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
afterEach(async () => database?.dispose());

describe('data/indicators.json at start-up', () => {
  it('adds an indicator catalogued after the database was seeded, and leaves those present as they are', async () => {
    database = await seededDatabase();
    const { db } = database;
    // As a database seeded before VICT_HOMICIDE_FAMILY_F was catalogued (it has no cells).
    await db.deleteFrom('indicators').where('code', '=', 'VICT_HOMICIDE_FAMILY_F').execute();
    await db
      .updateTable('indicators')
      .set({ name: 'Homicide (as the database holds it)' })
      .where('code', '=', 'ICCS0101')
      .execute();
    await initialiseDatabase(db);
    const rows = await db
      .selectFrom('indicators')
      .select(['code', 'name', 'intended_source'])
      .where('code', 'in', ['VICT_HOMICIDE_FAMILY_F', 'ICCS0101'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'ICCS0101', name: 'Homicide (as the database holds it)', intended_source: null },
      expect.objectContaining({ code: 'VICT_HOMICIDE_FAMILY_F', intended_source: expect.stringContaining('UNODC') }),
    ]);
  });
});
