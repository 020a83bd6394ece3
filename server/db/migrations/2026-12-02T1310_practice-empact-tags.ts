import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code. Its lists are copied, on purpose,
// from server/practices/practice.vocabulary.ts as it stood on 2 December 2026.

const CYCLE = '2022-2025';

/** The ten EU crime priorities of EMPACT 2022–2025 (Council conclusions of 26 May 2021), in the Council's order. */
const PRIORITIES: [code: string, name: string][] = [
  ['high_risk_criminal_networks', 'High-risk criminal networks'],
  ['cyber_attacks', 'Cyber-attacks'],
  ['trafficking_in_human_beings', 'Trafficking in human beings'],
  ['child_sexual_exploitation', 'Child sexual exploitation'],
  ['migrant_smuggling', 'Migrant smuggling'],
  ['drug_trafficking', 'Drugs trafficking'],
  ['fraud_economic_financial', 'Fraud, economic and financial crimes'],
  ['organised_property_crime', 'Organised property crime'],
  ['environmental_crime', 'Environmental crime'],
  ['firearms_trafficking', 'Firearms trafficking'],
];

const SOURCE =
  'Council conclusions setting the EU priorities for the fight against serious and organised crime ' +
  'for EMPACT 2022-2025, 26 May 2021 (https://eucrim.eu/news/council-sets-eus-priorities-for-the-fight-against-organised-crime-empact-2022-2025)';

/**
 * Practice EMPACT tags were bare codes of the 2022–2025 priorities, hard-coded in the vocabulary.
 * They now name their cycle ("2022-2025/drug_trafficking"), so that 2026–2029 tags can sit beside
 * them. The meaning of every stored tag is unchanged, so this rewrites its spelling in place (in
 * every version and in the search facets) rather than adding practice versions nobody wrote.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const known = await db.selectFrom('empact_cycles').select('code').where('code', '=', CYCLE).executeTakeFirst();
  if (!known) {
    await db
      .insertInto('empact_cycles')
      .values({
        code: CYCLE,
        title: 'EMPACT 2022–2025',
        start_year: 2022,
        end_year: 2025,
        plan_years: 1,
        source: SOURCE,
      })
      .execute();
    await db
      .insertInto('empact_priorities')
      .values(PRIORITIES.map(([code, name], i) => ({ cycle: CYCLE, code, number: i + 1, name, description: '' })))
      .execute();
  }
  await rewriteTags(db, (tag) => (tag.includes('/') ? tag : `${CYCLE}/${tag}`));
}

/** Back to bare codes; tags of other cycles have no bare spelling and are dropped. */
export async function down(db: Kysely<any>): Promise<void> {
  const prefix = `${CYCLE}/`;
  await rewriteTags(db, (tag) => (tag.startsWith(prefix) ? tag.slice(prefix.length) : null));
}

async function rewriteTags(db: Kysely<any>, rewrite: (tag: string) => string | null): Promise<void> {
  const versions = await db.selectFrom('practice_versions').select(['id', 'document']).execute();
  for (const version of versions) {
    const document = JSON.parse(version.document as string) as { empactTags?: string[] };
    if (!document.empactTags?.length) continue;
    const tags = document.empactTags.map(rewrite).filter((t): t is string => t !== null);
    await db
      .updateTable('practice_versions')
      .set({ document: JSON.stringify({ ...document, empactTags: tags }) })
      .where('id', '=', version.id)
      .execute();
  }
  const facets = await db
    .selectFrom('practice_listing_facets')
    .select(['listing_id', 'value'])
    .where('facet', '=', 'empact')
    .execute();
  for (const facet of facets) {
    const value = rewrite(facet.value as string);
    if (value === facet.value) continue;
    const key = { listing_id: facet.listing_id, facet: 'empact', value: facet.value };
    if (value === null)
      await db
        .deleteFrom('practice_listing_facets')
        .where((eb) => eb.and(key))
        .execute();
    else
      await db
        .updateTable('practice_listing_facets')
        .set({ value })
        .where((eb) => eb.and(key))
        .execute();
  }
}
