import { practiceApi } from '../../api/client';
import type { PracticeSearchResponse } from '../../api/types';
import type { ViewState } from '../../state/url-state';
import { type Catalogue, geoName } from '../view-parts';
import { currentLocale, shownName, t } from '../../i18n/i18n';
import { type Vocabulary, vocabularyLabel } from '../../../server/shared/vocabulary-labels';

/** The facets whose values are vocabulary codes, named in the reader's language. */
const VOCABULARY_OF_FACET: Record<string, Vocabulary> = {
  rating: 'evidence_rating',
  approach: 'approach',
  preventionLevel: 'prevention_level',
  targetGroup: 'target_group',
};

/** The message of each facet's legend (the facets the practice search answers). */
export const FACET_LEGENDS: Record<string, string> = {
  rating: 'practices.facet-rating',
  theme: 'practices.facet-theme',
  geo: 'practices.facet-geo',
  approach: 'practices.facet-approach',
  preventionLevel: 'practices.facet-prevention-level',
  targetGroup: 'practices.facet-target-group',
  empact: 'practices.facet-empact',
  europeanEvidence: 'practices.facet-european-evidence',
  indicator: 'practice-find.facet-indicator',
};

export function facetLegend(facet: string): string {
  const key = FACET_LEGENDS[facet];
  return key ? t(key) : humanise(facet);
}

export function sorts(): { value: string; label: string }[] {
  return [
    { value: 'relevance', label: t('practices.sort-relevance') },
    { value: 'rating', label: t('practices.facet-rating') },
    { value: 'recency', label: t('practices.sort-recency') },
    { value: 'title', label: t('practices.sort-title') },
  ];
}

export function humanise(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function facetLabel(catalogue: Catalogue, facet: string, value: string): string {
  if (facet === 'theme') return catalogue.themes.find((theme) => theme.code === value)?.name ?? humanise(value);
  if (facet === 'geo') return geoName(catalogue, value);
  if (facet === 'indicator') return catalogue.indicatorByCode.get(value)?.name ?? value;
  if (facet === 'europeanEvidence') return t('practices.yes-no', { value });
  if (facet === 'empact') return value.replace(/_/g, ' ').toUpperCase();
  const vocabulary = VOCABULARY_OF_FACET[facet];
  return vocabulary ? vocabularyName(vocabulary, value) : humanise(value);
}

/** The sort shown: the one chosen, else relevance for a search and the evidence rating for a listing. */
export function practiceSort(state: ViewState): string {
  return state.facets.sort ?? (state.q ? 'relevance' : 'rating');
}

/** The search the state asks for: words, the chosen facet values and the sort, one page of up to 100. */
export function loadPracticeSearch(state: ViewState): Promise<PracticeSearchResponse> {
  const filters = Object.fromEntries(Object.entries(state.facets).filter(([k]) => k !== 'sort'));
  return practiceApi.search({ q: state.q || undefined, ...filters, sort: practiceSort(state), pageSize: 100 });
}

/** The facets with one facet's chosen values replaced (a facet with none chosen is left out). */
export function withFacetValues(
  facets: Record<string, string>,
  facet: string,
  chosen: Set<string>,
): Record<string, string> {
  const next = { ...facets, [facet]: [...chosen].join(',') };
  if (!chosen.size) delete next[facet];
  return next;
}

/** A vocabulary value's name in the reader's language ("situational" reads "Situationnelle"). */
export function vocabularyName(vocabulary: Vocabulary, code: string): string {
  return shownName(vocabularyLabel(vocabulary, code, currentLocale()));
}
