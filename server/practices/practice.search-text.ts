import type { DbOrTx } from '../db/database';
import { type LabelBook, loadLabelBook } from '../labels/label.book';
import { LOCALES } from '../shared/i18n';
import { countryName } from '../shared/i18n/geo-names';
import type { PracticeRecord } from '../shared/api/practice-record';
import { findVersion, latestTranslations, parseRecord } from './practice.repository';
import { withStems } from './search-stems';

/** A translation's searchable fields, in its language. */
export interface TranslatedTexts {
  locale: string;
  title: string;
  summary: string;
  description: string;
}

/** The coded facets whose names are searched, in every language: the label subject of each. */
const NAMED_FACETS = ['indicator', 'theme', 'approach', 'target_group', 'prevention_level'] as const;

/**
 * The names, in all four languages, of a practice's countries and of its coded values (offences and
 * indicators, themes, approaches, target groups, prevention levels), so that "burglary netherlands"
 * finds a practice run in the Netherlands that targets burglary, and "inbraak nederland" finds it too.
 */
function namesInEveryLanguage(geos: string[], coded: Map<string, string[]>, labels: LabelBook): string[] {
  const texts: string[] = [];
  for (const locale of LOCALES) {
    const names = geos.map((g) => countryName(g, locale)).filter((n): n is string => Boolean(n));
    for (const subject of NAMED_FACETS)
      for (const code of coded.get(subject) ?? []) {
        const text = labels.get(subject, code)?.labels[locale]?.text;
        if (text) names.push(text);
      }
    if (names.length) texts.push(withStems([...new Set(names)].join('\n'), locale));
  }
  return texts;
}

/**
 * The search texts of a listing: the title (every language's), and the body: every other written
 * field (summary, description, organisations, evaluations, the EUCPN criteria's justifications with
 * the mechanism, EMMIE), and the names of its countries and coded values. Each text carries its
 * words' stems in its own language (search-stems.ts).
 */
export function searchTexts(
  record: PracticeRecord,
  translations: Iterable<TranslatedTexts>,
  coded: Map<string, string[]>,
  labels: LabelBook,
): { title: string; body: string } {
  const translated = [...translations];
  const written = [
    record.summary,
    record.description,
    ...record.organisations,
    ...record.evaluations.flatMap((e) => [e.reference, e.sample, e.findings ?? '', ...e.outcomes]),
    ...Object.values(record.criteria).map((c) => c.justification),
    ...Object.values(record.emmie ?? {}).map((entry) => entry?.summary ?? ''),
  ].join('\n');
  const body = [
    withStems(written, record.language),
    ...translated.map((t) => withStems(`${t.summary}\n${t.description}`, t.locale)),
    ...namesInEveryLanguage(record.geos, coded, labels),
  ];
  const title = [withStems(record.title, record.language), ...translated.map((t) => withStems(t.title, t.locale))];
  return { title: title.join('\n'), body: body.join('\n') };
}

/** The coded values of a listing by label subject, as its facet rows hold them. */
export function codedValues(facets: { facet: string; value: string }[]): Map<string, string[]> {
  const coded = new Map<string, string[]>();
  for (const { facet, value } of facets) coded.set(facet, [...(coded.get(facet) ?? []), value]);
  return coded;
}

/**
 * Recomputes the search texts of listings (all, or one practice's) from their versions, translations
 * and the labels: after a translation, and at every start, so that a database indexed before the
 * stems and names (or before a label review) is searched like a new one. The texts are derived.
 */
export async function refreshSearchTexts(db: DbOrTx, practiceId?: number): Promise<number> {
  let query = db
    .selectFrom('practice_listings')
    .select(['id', 'practice_id', 'version', 'search_title', 'search_body']);
  if (practiceId !== undefined) query = query.where('practice_id', '=', practiceId);
  const listings = await query.execute();
  if (!listings.length) return 0;
  const labels = await loadLabelBook(db);
  const translations = await latestTranslations(db, [...new Set(listings.map((l) => l.practice_id))]);
  const facetRows = await db
    .selectFrom('practice_listing_facets')
    .select(['listing_id', 'facet', 'value'])
    .where(
      'listing_id',
      'in',
      listings.map((l) => l.id),
    )
    .execute();
  for (const listing of listings) {
    const version = await findVersion(db, listing.practice_id, listing.version);
    if (!version) continue;
    const coded = codedValues(facetRows.filter((f) => f.listing_id === listing.id));
    const texts = searchTexts(
      parseRecord(version),
      translations.get(listing.practice_id)?.values() ?? [],
      coded,
      labels,
    );
    if (texts.title === listing.search_title && texts.body === listing.search_body) continue;
    await db
      .updateTable('practice_listings')
      .set({ search_title: texts.title, search_body: texts.body })
      .where('id', '=', listing.id)
      .execute();
  }
  return listings.length;
}
