import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { dataAnswer } from './data-answer';
import { noResults, sdmxErrorResponse } from './errors';
import { structureAnswer } from './structure-answer';

/**
 * The SDMX 2.1 RESTful API (SDMX RESTful web services specification v1.5) under /sdmx/2.1. Inputs
 * are read by the handlers, not by zod in the route wrapper, so that every mistake is answered
 * with an SDMX error message (guidelines section 4.7) rather than the JSON API's error body.
 */
const BASE = '/sdmx/2.1';
const anyQuery = z.record(z.string(), z.unknown());
const segment = z.string().max(2000);
const common = { tag: 'sdmx', access: { kind: 'public' } as const, query: anyQuery };

const DATA_SUMMARY =
  'SDMX data (SDMX-ML 2.1 Generic or StructureSpecific, SDMX-CSV 1.0, JSON-stat 2.0 by Accept); ' +
  'key FREQ.INDICATOR.GEO, startPeriod, endPeriod, detail, dimensionAtObservation, first/lastNObservations, ' +
  'updatedAfter, includeHistory, asOf';
const STRUCTURE_SUMMARY =
  'SDMX-ML 2.1 structures: dataflow, datastructure (references=children: with codelists and concepts), ' +
  'codelist, conceptscheme';

export const sdmxRoutes = [
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/data/:flowRef/:key/:providerRef`,
    summary: DATA_SUMMARY,
    params: z.object({ flowRef: segment, key: segment, providerRef: segment }),
    handler: ({ db, headers, params, query }) => dataAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/data/:flowRef/:key`,
    summary: DATA_SUMMARY,
    params: z.object({ flowRef: segment, key: segment }),
    handler: ({ db, headers, params, query }) => dataAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/data/:flowRef`,
    summary: DATA_SUMMARY,
    params: z.object({ flowRef: segment }),
    handler: ({ db, headers, params, query }) => dataAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/:resource/:agency/:id/:version`,
    summary: STRUCTURE_SUMMARY,
    params: z.object({ resource: segment, agency: segment, id: segment, version: segment }),
    handler: ({ db, headers, params, query }) => structureAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/:resource/:agency/:id`,
    summary: STRUCTURE_SUMMARY,
    params: z.object({ resource: segment, agency: segment, id: segment }),
    handler: ({ db, headers, params, query }) => structureAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/:resource/:agency`,
    summary: STRUCTURE_SUMMARY,
    params: z.object({ resource: segment, agency: segment }),
    handler: ({ db, headers, params, query }) => structureAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/:resource`,
    summary: STRUCTURE_SUMMARY,
    params: z.object({ resource: segment }),
    handler: ({ db, headers, params, query }) => structureAnswer({ db, headers, ...params, query }),
  }),
  defineRoute({
    ...common,
    method: 'get',
    path: `${BASE}/*rest`,
    summary: 'Any other SDMX path: an SDMX "no results" error (404, code 100)',
    handler: () =>
      sdmxErrorResponse(noResults('No SDMX resource at this path. See docs/interoperability.md for the endpoints.')),
  }),
];
