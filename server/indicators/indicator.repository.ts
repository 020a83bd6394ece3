import type { DbOrTx } from '../db/database';
import type { IndicatorCatalogue } from './indicator.catalogue';
import type { IndicatorRow } from '../db/tables/indicator.table';

export function listIndicators(db: DbOrTx): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().orderBy('theme').orderBy('code').execute();
}

export function findIndicator(db: DbOrTx, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listThemes(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('themes').selectAll().orderBy('code').execute();
}

/**
 * A database seeded before an indicator (or theme) was added to data/indicators.json gets it at start-up.
 * Indicators already present stay as they are: a changed definition is a new version, not an edit.
 */
export async function insertMissingIndicators(db: DbOrTx, catalogue: IndicatorCatalogue): Promise<string[]> {
  const themes = new Set((await listThemes(db)).map((t) => t.code));
  const present = new Set((await db.selectFrom('indicators').select('code').execute()).map((i) => i.code));
  const missing: IndicatorCatalogue = {
    ...catalogue,
    themes: catalogue.themes.filter((t) => !themes.has(t.code)),
    indicators: catalogue.indicators.filter((i) => !present.has(i.code)),
  };
  if (missing.indicators.length) await insertIndicatorCatalogue(db, missing);
  return missing.indicators.map((i) => i.code);
}

export async function insertIndicatorCatalogue(db: DbOrTx, catalogue: IndicatorCatalogue): Promise<void> {
  if (catalogue.themes.length) await db.insertInto('themes').values(catalogue.themes).execute();
  await db
    .insertInto('indicators')
    .values(
      catalogue.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        definition: i.definition,
        unit: i.unit,
        polarity: i.polarity,
        theme: i.theme,
        iccs: i.iccs,
        parent: i.parent,
        source: i.source,
        intended_source: i.intendedSource,
        methodology: i.methodology,
        rate_derivable: i.rate.derivable ? 1 : 0,
        rate_denominator: i.rate.denominator,
        aggregation: i.aggregation,
        implausible_change: i.implausibleChange,
        version: i.version,
      })),
    )
    .execute();
}
