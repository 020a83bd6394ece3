import { type Kysely, type Migration, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../server/db/migrations/index';
import { seededDatabase, type TestDatabase } from '../helpers/database';

const TAGS = '2026-12-02T1310_practice-empact-tags';
const BEFORE_TAGS = Object.keys(migrations).sort()[Object.keys(migrations).sort().indexOf(TAGS) - 1]!;

let database: TestDatabase;
afterEach(async () => database?.dispose());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const migrator = (db: Kysely<any>) =>
  new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations } });

async function storedTags(db: TestDatabase['db']) {
  const versions = await db.selectFrom('practice_versions').select(['id', 'document']).orderBy('id').execute();
  const facets = await db
    .selectFrom('practice_listing_facets')
    .select(['listing_id', 'value'])
    .where('facet', '=', 'empact')
    .orderBy('listing_id')
    .orderBy('value')
    .execute();
  return {
    documents: versions
      .map((v) => ({ id: v.id, tags: (JSON.parse(v.document) as { empactTags: string[] }).empactTags }))
      .filter((v) => v.tags.length),
    facets: facets.map((f) => ({ listing: f.listing_id, tag: f.value })),
  };
}

describe(`the frozen migration ${TAGS}`, () => {
  it('moves the bare 2022-2025 tags of every practice version and search facet to their cycle, and back', async () => {
    database = await seededDatabase();
    const migrated = await storedTags(database.db);
    expect(migrated.documents.flatMap((d) => d.tags)).toContain('2022-2025/firearms_trafficking');
    expect(migrated.facets.map((f) => f.tag)).toContain('2022-2025/high_risk_criminal_networks');

    // Down: the database as it was before EMPACT cycles existed, with today's bare tags.
    const down = await migrator(database.db).migrateTo(BEFORE_TAGS);
    // Later migrations (e.g. collection rounds) are undone first; the tag migration is undone last.
    expect(down.results?.at(-1)).toMatchObject({ migrationName: TAGS, status: 'Success' });
    expect(down.results?.every((r) => r.status === 'Success')).toBe(true);
    const bare = await storedTags(database.db);
    expect(bare.documents.flatMap((d) => d.tags)).toEqual(
      expect.arrayContaining(['firearms_trafficking', 'organised_property_crime']),
    );
    expect(
      [...bare.documents.flatMap((d) => d.tags), ...bare.facets.map((f) => f.tag)].every(
        (t) => !String(t).includes('/'),
      ),
    ).toBe(true);

    const up = await migrator(database.db).migrateToLatest();
    expect(up.results?.map((r) => [r.migrationName, r.status])).toContainEqual([TAGS, 'Success']);
    expect(await storedTags(database.db)).toEqual(migrated);
  });

  it('gives every 2022-2025 tag a priority of that cycle to refer to', async () => {
    database = await seededDatabase();
    const priorities = await database.db
      .withTables<{ empact_priorities: { cycle: string; code: string } }>()
      .selectFrom('empact_priorities')
      .select('code')
      .where('cycle', '=', '2022-2025')
      .execute();
    const { facets } = await storedTags(database.db);
    const codes = new Set(priorities.map((p) => `2022-2025/${p.code}`));
    expect(codes.size).toBe(10);
    for (const { tag } of facets) expect(codes.has(tag), tag).toBe(true);
  });
});
