import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { withStartupLock } from '../db/migrate-lock';
import { loadSeed, type SeedSummary } from '../seed/load-seed';
import { syncEmpactCatalogue } from '../empact/empact.catalogue';
import { loadIndicatorCatalogue } from '../indicators/indicator.catalogue';
import { insertMissingIndicators } from '../indicators/indicator.repository';
import { syncSourceCatalogue } from '../sources/source.catalogue';
import { loadLabelBook } from '../labels/label.book';
import { syncLabelSearch } from '../labels/label.search';
import { refreshSearchTexts } from '../practices/practice.search-text';
import { insertMissingRegions } from '../geos/geo.repository';
import { loadRegionCatalogue } from '../geos/region.catalogue';

/**
 * Migrates; on an empty database (no geos yet) also loads the catalogues and the seed. On
 * PostgreSQL both happen under one advisory lock, so instances starting together neither migrate
 * twice nor load the seed twice: the second waits, then finds nothing to do.
 */
export async function initialiseDatabase(db: Db): Promise<{ migrations: string[]; seed: SeedSummary | null }> {
  return withStartupLock(db, async () => {
    const migrations = await migrateToLatest(db);
    const anyGeo = await db.selectFrom('geos').select('code').limit(1).executeTakeFirst();
    const seed = anyGeo ? null : await loadSeed(db);
    // A database seeded before data/empact/cycles.json (or before its latest cycle) gets what it lacks; nothing is overwritten.
    if (anyGeo) await syncEmpactCatalogue(db);
    // Likewise data/sources.json: a source added there (another seed's dataset) exists before it is named.
    if (anyGeo) await syncSourceCatalogue(db);
    // And a database seeded before an indicator was catalogued (e.g. VICT_HOMICIDE_FAMILY_F) gets it, before
    // the label search below indexes the catalogue.
    if (anyGeo) await insertMissingIndicators(db, loadIndicatorCatalogue());
    // The label search index is derived from the catalogues and the reviews: rebuilt at every start.
    await syncLabelSearch(db, await loadLabelBook(db));
    // So are the practices' search texts (stems, country and label names): a database indexed before them is brought up to date.
    await refreshSearchTexts(db);
    // Likewise a database seeded before NUTS regions (issue 19) gets the regions; their figures come with new submissions.
    if (anyGeo) await insertMissingRegions(db, loadRegionCatalogue());
    return { migrations, seed };
  });
}
