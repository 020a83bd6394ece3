import type { RegionsAnswer } from '../../server/shared/api/regions';
import { getJson } from './client';

/** A country's regions of one NUTS level, each with its latest value (GET /api/geos/:code/regions). */
export function countryRegions(
  country: string,
  params: { indicator: string; level: number; measure: string; asOf?: string | null },
): Promise<RegionsAnswer> {
  return getJson<RegionsAnswer>(`/api/geos/${encodeURIComponent(country)}/regions`, params);
}
