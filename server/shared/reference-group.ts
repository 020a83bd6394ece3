/**
 * The group of geos that comparisons, alerts and country profiles measure against by default: the
 * 27 member states of the European Union since 2020 (Eurostat's aggregate code).
 */
export const REFERENCE_GROUP = 'EU27_2020';
