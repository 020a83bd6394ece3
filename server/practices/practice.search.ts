import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { labelTextMatches, practiceTextMatches as textMatches } from '../db/text-search';
import { FACETS, type FacetName, LINK_FACETS } from './practice.listing';
import { searchTokens } from '../shared/search-text';
import { queryTerm } from './search-stems';
import type { ListingAudience } from '../db/tables/practice.table';
import type { PracticeSearchQuery } from './practice.query';
import type { FacetCount } from '../shared/api/practices';
import type { WorkflowState } from '../shared/practice-vocabulary';

export type { FacetCount } from '../shared/api/practices';

export interface ListingHit {
  id: number;
  practiceId: number;
  slug: string;
  title: string;
  summary: string;
  language: string;
  state: string;
  version: number;
  rating: string;
  europeanEvidence: boolean;
  startYear: number | null;
  endYear: number | null;
  lastEvaluationYear: number | null;
  reviewDate: string;
  updatedAt: string;
  titleMatch: boolean | null;
}

/** The facets counted: every filter facet, and the linked offences/indicators (the Practices view's offence facet). */
const COUNTED_FACETS = { ...FACETS, indicator: LINK_FACETS.indicator } as const;
type CountedFacet = keyof typeof COUNTED_FACETS;

export interface ListingSearchResult {
  hits: ListingHit[];
  total: number;
  facets: Record<CountedFacet, FacetCount[]>;
}

export { searchTokens } from '../shared/search-text';

/** Without words every listing matches, equally. */
function everyListing() {
  return sql<{
    listing_id: number;
    title_hit: number;
    score: number;
  }>`(select id as listing_id, 0 as title_hit, 0 as score from practice_listings)`;
}

/**
 * The facets whose values have labels in four languages (docs/i18n.md): a practice tagged with a
 * value whose name matches the words is found in any language, e.g. "inbraak" finds the practices
 * linked to the Burglary indicators. The label subjects are named like the facets.
 */
const LABELLED_FACETS = [
  LINK_FACETS.indicator,
  FACETS.theme,
  FACETS.targetGroup,
  FACETS.approach,
  FACETS.preventionLevel,
];

/** Listings that match the words in their own text, or through a labelled facet value (ranked after). */
function textOrLabelMatches(db: DbOrTx, tokens: string[]) {
  const labels = labelTextMatches(db, tokens, { namesOnly: true });
  const linked = sql<{ listing_id: number; title_hit: number; score: number }>`(
    select distinct f.listing_id, 0 as title_hit, 0 as score
    from practice_listing_facets f join ${labels} lm on lm.subject = f.facet and lm.code = f.value
    where f.facet in (${sql.join(LABELLED_FACETS)}))`;
  return sql<{ listing_id: number; title_hit: number; score: number }>`(
    select u.listing_id, max(u.title_hit) as title_hit, max(u.score) as score
    from (select * from ${textMatches(db, tokens.map(queryTerm))} t union all select * from ${linked} l) u
    group by u.listing_id)`;
}

type Filters = Partial<Record<FacetName | keyof typeof LINK_FACETS, string[]>>;

function filtersOf(query: PracticeSearchQuery): Filters {
  const europeanEvidence = query.europeanEvidence === undefined ? undefined : [query.europeanEvidence ? 'yes' : 'no'];
  return {
    theme: query.theme,
    geo: query.geo,
    rating: query.rating,
    approach: query.approach,
    preventionLevel: query.preventionLevel,
    targetGroup: query.targetGroup,
    empact: query.empact,
    europeanEvidence,
    indicator: query.indicator,
    iccs: query.iccs,
  };
}

const facetColumn = (name: keyof Filters) =>
  name in FACETS ? FACETS[name as FacetName] : LINK_FACETS[name as keyof typeof LINK_FACETS];

/**
 * Search, filter, facet, sort and page the listings of one audience. Within a facet the chosen
 * values are alternatives (OR); across facets they narrow (AND). Each facet's counts apply every
 * filter except its own, so a count is the size of the list you get by choosing that value.
 */
export async function searchPractices(
  db: DbOrTx,
  audience: ListingAudience,
  query: PracticeSearchQuery,
  withinGeos?: string[],
): Promise<ListingSearchResult> {
  const tokens = searchTokens(query.q);
  const base = filteredListings(db, audience, query, tokens, withinGeos);
  const totalRow = await base()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const facets = await countFacets(db, base);

  let page = base().select([
    'l.id',
    'l.practice_id',
    'l.slug',
    'l.title',
    'l.summary',
    'l.language',
    'l.state',
    'l.version',
    'l.rating',
    'l.european_evidence',
    'l.start_year',
    'l.end_year',
    'l.last_evaluation_year',
    'l.review_date',
    'l.updated_at',
    'm.title_hit',
  ]);
  const sort = query.sort ?? (tokens.length ? 'relevance' : 'rating');
  const byRelevance = (p: typeof page) =>
    tokens.length ? p.orderBy('m.title_hit', 'desc').orderBy('m.score', 'desc') : p;
  if (sort === 'rating') page = byRelevance(page.orderBy('l.rating_rank', 'desc'));
  else if (sort === 'recency')
    page = page
      .orderBy(sql`coalesce(l.last_evaluation_year, 0)`, 'desc')
      .orderBy(sql`coalesce(l.start_year, 0)`, 'desc');
  else if (sort === 'relevance') page = byRelevance(page).orderBy('l.rating_rank', 'desc');
  const rows = await page
    .orderBy('l.title')
    .orderBy('l.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();

  const hits = rows.map((r) => ({
    id: r.id,
    practiceId: r.practice_id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language,
    state: r.state,
    version: r.version,
    rating: r.rating,
    europeanEvidence: r.european_evidence === 1,
    startYear: r.start_year,
    endYear: r.end_year,
    lastEvaluationYear: r.last_evaluation_year,
    reviewDate: r.review_date,
    updatedAt: r.updated_at,
    titleMatch: tokens.length ? Number(r.title_hit) === 1 : null,
  }));
  return { total: Number(totalRow.n), facets, hits };
}

/** The listings of one audience that match the words and every filter, optionally all but one facet's. */
/**
 * `withinGeos`: only listings all of whose geos are among these (a contact point's scope), so the
 * list never shows a practice whose detail would be refused (issue 15).
 */
function filteredListings(
  db: DbOrTx,
  audience: ListingAudience,
  query: PracticeSearchQuery,
  tokens: string[],
  withinGeos?: string[],
) {
  const filters = filtersOf(query);
  const matches = tokens.length ? textOrLabelMatches(db, tokens) : everyListing();
  return (skip?: keyof Filters) => {
    let q = db
      .selectFrom('practice_listings as l')
      .innerJoin(matches.as('m'), 'm.listing_id', 'l.id')
      .where('l.audience', '=', audience);
    if (withinGeos) {
      const outside = db.selectFrom('practice_listing_facets').select('listing_id').where('facet', '=', FACETS.geo);
      q = q.where('l.id', 'not in', withinGeos.length ? outside.where('value', 'not in', withinGeos) : outside);
    }
    if (query.state?.length) q = q.where('l.state', 'in', query.state as WorkflowState[]);
    for (const [name, values] of Object.entries(filters) as [keyof Filters, string[] | undefined][]) {
      if (!values?.length || name === skip) continue;
      const tagged = db
        .selectFrom('practice_listing_facets')
        .select('listing_id')
        .where('facet', '=', facetColumn(name))
        .where('value', 'in', values);
      q = q.where('l.id', 'in', tagged);
    }
    return q;
  };
}

/** Each facet counted over the listings that pass every other facet's filter. */
async function countFacets(
  db: DbOrTx,
  base: ReturnType<typeof filteredListings>,
): Promise<Record<CountedFacet, FacetCount[]>> {
  const facets = {} as Record<CountedFacet, FacetCount[]>;
  for (const name of Object.keys(COUNTED_FACETS) as CountedFacet[]) {
    const rows = await db
      .selectFrom('practice_listing_facets as f')
      .select(['f.value', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('f.facet', '=', COUNTED_FACETS[name])
      .where('f.listing_id', 'in', base(name).select('l.id'))
      .groupBy('f.value')
      .execute();
    facets[name] = rows
      .map((r) => ({ value: r.value, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}
