/**
 * The observatory's SDMX artefacts. One dataflow holds every indicator: a series key is
 * FREQ.INDICATOR.GEO, so one query can ask for several indicators and researchers find every
 * figure under one name (docs/interoperability.md explains the choice).
 */
export const AGENCY = 'CPO';
export const VERSION = '1.0';
export const DATAFLOW = 'CRIME';
export const DSD = 'DSD_CRIME';
export const CONCEPT_SCHEME = 'CS_CRIME';

export const CODELISTS = {
  FREQ: 'CL_FREQ',
  INDICATOR: 'CL_INDICATOR',
  GEO: 'CL_GEO',
  OBS_FLAG: 'CL_OBS_FLAG',
  UNIT_MEASURE: 'CL_UNIT',
} as const;

/** The series dimensions in key order; TIME_PERIOD is the time dimension after them. */
export const KEY_DIMENSIONS = ['FREQ', 'INDICATOR', 'GEO'] as const;
export type KeyDimension = (typeof KEY_DIMENSIONS)[number];

/** The id that data messages use to name their structure (header Structure and DataSet structureRef). */
export const STRUCTURE_REF = `${AGENCY}_${DATAFLOW}_${VERSION.replace('.', '_')}`;
/** SDMX-CSV's first column: the dataflow as AGENCY:ID(VERSION). */
export const CSV_DATAFLOW = `${AGENCY}:${DATAFLOW}(${VERSION})`;

export function urn(kind: 'Dataflow' | 'DataStructure' | 'Codelist' | 'ConceptScheme', id: string): string {
  const pkg = kind === 'Codelist' ? 'codelist' : kind === 'ConceptScheme' ? 'conceptscheme' : 'datastructure';
  return `urn:sdmx:org.sdmx.infomodel.${pkg}.${kind}=${AGENCY}:${id}(${VERSION})`;
}

export const CONCEPTS: Record<string, string> = {
  FREQ: 'Frequency',
  INDICATOR: 'Indicator',
  GEO: 'Geopolitical entity',
  TIME_PERIOD: 'Time period',
  OBS_VALUE: 'Observation value',
  OBS_FLAG: 'Observation status flag',
  UNIT_MEASURE: 'Unit of measure',
};
