import type { Db } from '../../server/db/database';
import { canonicalCsv, publishCsv } from './publish';

/**
 * Publishes NL's intentional homicides for the year after the latest population the store holds for
 * any geo: what a contact point does when its police figures arrive before Eurostat's populations
 * (issue 20: "Year 2022 | 821 | 1.09", 1.09 being 2021's rate). Returns that year.
 */
export async function publishCountBeyondPopulation(db: Db): Promise<number> {
  const row = await db
    .selectFrom('observations')
    .select((eb) => eb.fn.max('period').as('latest'))
    .where('indicator', '=', 'POP_JAN')
    .executeTakeFirstOrThrow();
  const year = Number(row.latest) + 1;
  await publishCsv({ db }, canonicalCsv(`NL,ICCS0101,${year},150,p,`), { geo: 'NL', fileName: 'nl-homicide.csv' });
  return year;
}
