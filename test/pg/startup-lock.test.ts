import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../server/db/connect-postgres';
import { initialiseDatabase } from '../../server/app/startup';
import { loadGeoCatalogue } from '../../server/geos/geo.catalogue';
import { PRACTICE_CATALOGUE_SUBMITTER } from '../../server/practices/evaluated-practices';
import { loadRegionCatalogue } from '../../server/geos/region.catalogue';
import { createDatabase, dropDatabase, postgresTestUrl, urlForDatabase } from '../helpers/postgres-database';

// Two app instances start at the same moment on one brand-new PostgreSQL database.
const server = postgresTestUrl()!;
const name = `${inject('postgresRunPrefix')}_startup_${process.pid}`;
afterEach(async () => dropDatabase(server, name));

async function counts(url: string) {
  const { db, close } = openPostgres(url);
  try {
    const count = async (table: 'geos' | 'indicators' | 'submissions' | 'revisions' | 'observations') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      geos: await count('geos'),
      indicators: await count('indicators'),
      submissions: await count('submissions'),
      revisions: await count('revisions'),
      observations: await count('observations'),
    };
  } finally {
    await close();
  }
}

describe('PostgreSQL: two instances initialising one empty database together', () => {
  it('migrate once and load the seed once', { timeout: 120_000 }, async () => {
    await createDatabase(server, name);
    const url = urlForDatabase(server, name);
    const instances = [openPostgres(url), openPostgres(url)];
    const results = await Promise.all(instances.map((i) => initialiseDatabase(i.db))).finally(() =>
      Promise.all(instances.map((i) => i.close())),
    );

    const migrated = results.filter((r) => r.migrations.length > 0);
    const seeded = results.filter((r) => r.seed !== null);
    expect(migrated).toHaveLength(1);
    expect(seeded).toHaveLength(1);
    expect(results.find((r) => r.seed === null)?.migrations).toEqual([]);

    // Exactly what one initialisation loads: the seeded template holds the same.
    const template = await counts(urlForDatabase(server, inject('seededTemplate')));
    expect(await counts(url)).toEqual(template);
    // The catalogue's countries and aggregates, and the NUTS regions (two UK parts are both).
    const codes = new Set([
      ...loadGeoCatalogue().geos.map((g) => g.code),
      ...loadRegionCatalogue().regions.map((r) => r.code),
    ]);
    expect(template.geos).toBe(codes.size);
    // The seed's submissions, and the practice catalogue's count of evaluated practices, submitted after it.
    const { db, close } = openPostgres(url);
    const catalogueCounts = await db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submitted_by', '=', PRACTICE_CATALOGUE_SUBMITTER)
      .executeTakeFirstOrThrow()
      .finally(close);
    expect(Number(catalogueCounts.n)).toBeGreaterThan(0);
    expect(template.submissions).toBe((seeded[0]?.seed?.submissions ?? 0) + Number(catalogueCounts.n));
  });
});
