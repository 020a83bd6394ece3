/** A country reports figures; an aggregate (EU27_2020, EFTA ...) is computed from its members. */
export const GEO_KINDS = ['country', 'aggregate'] as const;
export type GeoKind = (typeof GEO_KINDS)[number];
