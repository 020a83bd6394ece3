import { sql } from 'kysely';
import type { DbOrTx } from './database';
import { engineOf } from './engine';

/** One query word, prefix-matched, with its stems, each matched as a whole word (see server/practices/search-stems.ts). */
export interface TextTerm {
  word: string;
  stems: string[];
}

/** FTS5: every term must match; within a term the word as a prefix or any stem as a word. */
function fts5Query(terms: TextTerm[]): string {
  return terms.map((t) => `(${[`"${t.word}"*`, ...t.stems.map((s) => `"${s}"`)].join(' OR ')})`).join(' AND ');
}

/** PostgreSQL tsquery, likewise. The words hold letters and digits only, and reach the engine bound. */
function tsQuery(terms: TextTerm[]): string {
  return terms.map((t) => `(${[`${t.word}:*`, ...t.stems].join(' | ')})`).join(' & ');
}

/**
 * The one engine-specific piece of the catalogue: which listings match the words, whether the whole
 * query matches the title, and a relevance score (higher is better). SQLite uses the FTS5 index with
 * BM25 (title weighted 10:1); PostgreSQL the weighted tsvector with ts_rank and its GIN index. Words
 * are prefix-matched on both, their stems matched whole, and the query reaches the engines as a bound parameter.
 */
export function practiceTextMatches(db: DbOrTx, terms: TextTerm[]) {
  if (engineOf(db) === 'postgres') {
    const tsquery = tsQuery(terms);
    return sql<{ listing_id: number; title_hit: number; score: number }>`(
      select l.id as listing_id,
        case when to_tsvector('simple', l.search_title) @@ to_tsquery('simple', ${tsquery}) then 1 else 0 end as title_hit,
        ts_rank(l.search_vector, to_tsquery('simple', ${tsquery})) as score
      from practice_listings l where l.search_vector @@ to_tsquery('simple', ${tsquery}))`;
  }
  const match = fts5Query(terms);
  const titleMatch = `search_title : (${match})`;
  return sql<{ listing_id: number; title_hit: number; score: number }>`(
    select rowid as listing_id,
      case when rowid in (select rowid from practice_search where practice_search match ${titleMatch}) then 1 else 0 end as title_hit,
      -bm25(practice_search, 10.0, 1.0) as score
    from practice_search where practice_search match ${match})`;
}

/**
 * The labelled things (indicators, themes, vocabulary values) whose labels, in any of the four
 * languages, hold every word as a prefix: "inbraak", "cambriolage" and "einbruch" all find Burglary.
 * `namesOnly` searches the names and leaves the definitions out. A higher score is a better match.
 */
export function labelTextMatches(db: DbOrTx, tokens: string[], options: { namesOnly?: boolean } = {}) {
  if (engineOf(db) === 'postgres') {
    const weight = options.namesOnly ? 'A' : '';
    const tsquery = tokens.map((t) => `${t}:*${weight}`).join(' & ');
    return sql<{ subject: string; code: string; score: number }>`(
      select s.subject, s.code, ts_rank(s.search_vector, to_tsquery('simple', ${tsquery})) as score
      from label_search s where s.search_vector @@ to_tsquery('simple', ${tsquery}))`;
  }
  const words = tokens.map((t) => `"${t}"*`).join(' ');
  const match = options.namesOnly ? `search_names : (${words})` : words;
  return sql<{ subject: string; code: string; score: number }>`(
    select s.subject, s.code, -bm25(label_search_fts, 10.0, 1.0) as score
    from label_search_fts f join label_search s on s.id = f.rowid where label_search_fts match ${match})`;
}
