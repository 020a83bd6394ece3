import { loadCatalogue } from '../../analytics/catalogue';
import { readDataVersion } from '../../analytics/vintage.repository';
import type { Db } from '../../db/database';
import type { RouteResponse } from '../../http/route';
import { cachedTextAnswer, normalisedQuery } from '../cache/cached-answer';
import { AGENCY, CODELISTS, CONCEPT_SCHEME, DATAFLOW, DSD, VERSION } from './artefacts';
import { readMoment } from './data-query';
import { noResults, notImplemented, sdmxErrorResponse, syntaxError } from './errors';
import { negotiateStructure } from './negotiate';
import { type StructureSelection, structureMessage } from './structure-xml';

const IMPLEMENTED = ['dataflow', 'datastructure', 'codelist', 'conceptscheme'] as const;
type Resource = (typeof IMPLEMENTED)[number];
/** The other structural resources of the SDMX 2.1 RESTful API: answered 501, as the guidelines ask. */
const NOT_IMPLEMENTED = new Set([
  'structure',
  'metadatastructure',
  'categoryscheme',
  'hierarchicalcodelist',
  'organisationscheme',
  'agencyscheme',
  'dataproviderscheme',
  'dataconsumerscheme',
  'organisationunitscheme',
  'metadataflow',
  'reportingtaxonomy',
  'provisionagreement',
  'structureset',
  'process',
  'categorisation',
  'contentconstraint',
  'attachmentconstraint',
  'actualconstraint',
  'allowedconstraint',
  'transformationscheme',
  'rulesetscheme',
  'userdefinedoperatorscheme',
  'customtypescheme',
  'namepersonalisationscheme',
  'vtlmappingscheme',
  'schema',
  'metadata',
  'availableconstraint',
]);
const REFERENCES = ['none', 'parents', 'parentsandsiblings', 'children', 'descendants', 'all', ...IMPLEMENTED];
const ALL_CODELISTS: string[] = Object.values(CODELISTS);

const IDS: Record<Resource, string[]> = {
  dataflow: [DATAFLOW],
  datastructure: [DSD],
  codelist: ALL_CODELISTS,
  conceptscheme: [CONCEPT_SCHEME],
};

export interface StructureRequest {
  db: Db;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  resource: string;
  agency?: string;
  id?: string;
  version?: string;
  query: Record<string, unknown>;
}

function checkResource(resource: string): Resource {
  if ((IMPLEMENTED as readonly string[]).includes(resource)) return resource as Resource;
  if (resource === 'data')
    throw syntaxError('A data query names its dataflow: data/{flowRef}/{key}, e.g. data/CPO,CRIME,1.0/A.ICCS0101.AT.');
  if (NOT_IMPLEMENTED.has(resource))
    throw notImplemented(
      `The ${resource} resource is not implemented. Implemented: ${IMPLEMENTED.join(', ')} and data.`,
    );
  throw syntaxError(`"${resource}" is not a resource of the SDMX RESTful API.`);
}

function option(query: Record<string, unknown>, name: string, fallback: string): string {
  const value = query[name] ?? fallback;
  if (typeof value !== 'string') throw syntaxError(`Give ${name} once.`);
  return value;
}

/** What the query names, with the artefacts its `references` adds (children: what it uses; parents: what uses it). */
export function selectStructures(resource: Resource, ids: string[], references: string): StructureSelection {
  const selection: StructureSelection = { dataflow: false, datastructure: false, codelists: [], conceptscheme: false };
  const add = (r: Resource, list: string[] = IDS[r]) => {
    if (r === 'dataflow') selection.dataflow = true;
    if (r === 'datastructure') selection.datastructure = true;
    if (r === 'conceptscheme') selection.conceptscheme = true;
    if (r === 'codelist') selection.codelists = [...new Set([...selection.codelists, ...list])];
  };
  add(resource, ids);
  const children = ['children', 'descendants', 'all'].includes(references);
  const parents = ['parents', 'parentsandsiblings', 'all'].includes(references);
  if (resource === 'dataflow' && children) add('datastructure');
  if (resource === 'dataflow' && ['descendants', 'all'].includes(references))
    for (const r of ['codelist', 'conceptscheme'] as Resource[]) add(r);
  if (resource === 'datastructure' && children) for (const r of ['codelist', 'conceptscheme'] as Resource[]) add(r);
  if (resource === 'datastructure' && parents) add('dataflow');
  if ((resource === 'codelist' || resource === 'conceptscheme') && parents) add('datastructure');
  if ((resource === 'codelist' || resource === 'conceptscheme') && references === 'parentsandsiblings')
    for (const r of ['codelist', 'conceptscheme'] as Resource[]) add(r);
  if ((IMPLEMENTED as readonly string[]).includes(references)) add(references as Resource);
  return selection;
}

function matchingIds(resource: Resource, agency: string, id: string, version: string): string[] {
  if (!['all', '*', AGENCY].includes(agency))
    throw noResults(`No ${resource} of agency "${agency}": this service's agency is ${AGENCY}.`);
  if (!['all', '*', 'latest', '~', '+', VERSION].includes(version))
    throw noResults(`No ${resource} in version ${version}: the version is ${VERSION}.`);
  const wanted = id === 'all' || id === '*' ? IDS[resource] : id.split('+');
  const found = IDS[resource].filter((known) => wanted.includes(known));
  if (!found.length) throw noResults(`No ${resource} "${id}". This service has: ${IDS[resource].join(', ')}.`);
  return found;
}

/** GET {resource}/{agency}/{id}/{version}: SDMX-ML 2.1 Structure messages, cached on the catalogue version. */
export async function structureAnswer(request: StructureRequest): Promise<RouteResponse> {
  try {
    const resource = checkResource(request.resource);
    const unknown = Object.keys(request.query).filter((k) => !['references', 'detail', 'asOf'].includes(k));
    if (unknown.length)
      throw syntaxError(`Unknown parameter(s) ${unknown.join(', ')}. Known: references, detail, asOf.`);
    const references = option(request.query, 'references', 'none');
    if (!REFERENCES.includes(references))
      throw syntaxError(`references "${references}" is not one of ${REFERENCES.join(', ')}.`);
    const detail = option(request.query, 'detail', 'full');
    if (detail !== 'full')
      throw notImplemented(`detail=${detail} is not implemented: structures are returned in full.`);
    const ids = matchingIds(resource, request.agency ?? 'all', request.id ?? 'all', request.version ?? 'latest');
    const contentType = negotiateStructure(request.headers.accept);
    const asOf = readMoment(request.query.asOf, 'asOf');
    const version = await readDataVersion(request.db, asOf);
    return await cachedTextAnswer({
      db: request.db,
      headers: request.headers,
      version,
      key: `structure/${resource}/${ids.join('+')}?${normalisedQuery(request.query)}|${contentType}`,
      contentType,
      compute: async () =>
        structureMessage(
          await loadCatalogue(request.db, version.catalogueKey),
          selectStructures(resource, ids, references),
          new Date().toISOString(),
        ),
    });
  } catch (error) {
    return sdmxErrorResponse(error);
  }
}
