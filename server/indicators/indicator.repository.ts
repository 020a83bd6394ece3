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
