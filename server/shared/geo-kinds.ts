/**
 * A country reports figures; an aggregate (EU27_2020, EFTA ...) is computed from its members; a region
 * is a NUTS 1–3 unit of a country (issue 19).
 */
export const GEO_KINDS = ['country', 'aggregate', 'region'] as const;
export type GeoKind = (typeof GEO_KINDS)[number];
