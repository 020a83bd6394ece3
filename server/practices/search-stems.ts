import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { LOCALES, type Locale } from '../shared/i18n';
import { normaliseSearchText } from '../shared/search-text';

/**
 * Snowball stemmers for the four languages (Orama's ports of Martin Porter's algorithms): "burglaries"
 * and "burglary" both stem to "burglari", "inbraken" and "inbraak" to "inbrak". The stored search
 * text carries, after its words, each word's stem in the language the text is written in; a query
 * word is tried with its stem in every language, because a reader may search in any of them.
 */
const STEMMERS: Record<Locale, (word: string) => string> = { en: english, nl: dutch, fr: french, de: german };

const isLocale = (language: string): language is Locale => (LOCALES as readonly string[]).includes(language);

function wordsOf(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A text of one language, normalised, followed by the stems of its words that differ from them. */
export function withStems(text: string, language: string): string {
  const normalised = normaliseSearchText(text);
  if (!isLocale(language)) return normalised;
  const stem = STEMMERS[language];
  const stems = new Set<string>();
  for (const word of wordsOf(normalised)) {
    const stemmed = stem(word);
    if (stemmed && stemmed !== word) stems.add(stemmed);
  }
  return stems.size ? `${normalised}\n${[...stems].join(' ')}` : normalised;
}

/** One query word: matched as a prefix, or through one of its stems matched exactly. */
export interface SearchTerm {
  word: string;
  stems: string[];
}

/** The stems of a normalised query word in the four languages, without the word itself. */
export function queryTerm(word: string): SearchTerm {
  const stems = new Set(LOCALES.map((locale) => STEMMERS[locale](word)));
  stems.delete(word);
  stems.delete('');
  return { word, stems: [...stems].filter((s) => /^[\p{L}\p{N}]+$/u.test(s)).sort() };
}
