import { afterEach, describe, expect, it } from 'vitest';
import { initialiseDatabase } from '../../server/app/startup';
import { loadEmpactCatalogue } from '../../server/empact/empact.catalogue';
import { empactDb } from '../../server/empact/empact.table';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
afterEach(async () => database?.dispose());

describe('data/empact/cycles.json', () => {
  it('cites a source for every cycle, CHSG and result, and records the EMPACT 2023 results as published', () => {
    const catalogue = loadEmpactCatalogue();
    const results = catalogue.cycles.find((c) => c.code === '2022-2025')!.results;
    expect(results.find((r) => r.measure === 'arrests')).toMatchObject({
      year: 2023,
      value: 13871,
      qualifier: 'exact',
    });
    expect(results.find((r) => r.measure === 'seized_eur')).toMatchObject({
      year: 2023,
      value: 797_000_000,
      unit: 'EUR',
      qualifier: 'over',
    });
    for (const source of Object.values(catalogue.sources)) expect(source.url).toMatch(/^https:\/\//);
  });

  it('is added at start-up to a database seeded before it, keeping what the secretariat entered', async () => {
    database = await seededDatabase();
    const edb = empactDb(database.db);
    await edb
      .updateTable('empact_chsgs')
      .set({ title: 'Prevention (as corrected by the secretariat)' })
      .where('cycle', '=', '2022-2025')
      .where('number', '=', 7)
      .execute();
    const ids = (await edb.selectFrom('empact_priorities').select('id').where('cycle', '=', '2026-2029').execute()).map(
      (p) => p.id,
    );
    await edb.deleteFrom('empact_priority_indicators').where('priority_id', 'in', ids).execute();
    await edb.deleteFrom('empact_priorities').where('cycle', '=', '2026-2029').execute();
    await edb.deleteFrom('empact_chsgs').where('cycle', '=', '2026-2029').execute();
    await edb.deleteFrom('empact_cycles').where('code', '=', '2026-2029').execute();

    await initialiseDatabase(database.db);
    const priorities = await edb
      .selectFrom('empact_priorities')
      .select('code')
      .where('cycle', '=', '2026-2029')
      .orderBy('number')
      .execute();
    expect(priorities.map((p) => p.code)).toEqual(loadEmpactCatalogue().cycles[1]!.priorities.map((p) => p.code));
    const chsg7 = await edb
      .selectFrom('empact_chsgs')
      .select('title')
      .where('cycle', '=', '2022-2025')
      .where('number', '=', 7)
      .executeTakeFirstOrThrow();
    expect(chsg7.title).toBe('Prevention (as corrected by the secretariat)');
  });
});
