import { practiceApi } from '../../api/client';
import type { PracticeSearchResponse } from '../../api/types';
import type { ViewState } from '../../state/url-state';
import type { Catalogue } from '../view-parts';

export const FACET_LEGENDS: Record<string, string> = {
  rating: 'Evidence rating',
  theme: 'Crime theme',
  geo: 'Country',
  approach: 'Approach',
  preventionLevel: 'Prevention level',
  targetGroup: 'Target group',
  empact: 'EMPACT priority',
  europeanEvidence: 'European evidence',
};

export const SORTS = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'rating', label: 'Evidence rating' },
  { value: 'recency', label: 'Most recent' },
  { value: 'title', label: 'Title' },
];

export function humanise(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function facetLabel(catalogue: Catalogue, facet: string, value: string): string {
  if (facet === 'theme') return catalogue.themes.find((t) => t.code === value)?.name ?? humanise(value);
  if (facet === 'geo') return `${catalogue.geoByCode.get(value)?.name ?? value} (${value})`;
  if (facet === 'empact') return value.replace(/_/g, ' ').toUpperCase();
  return humanise(value);
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
