import { z } from 'zod';
import { asOfMoment, asOfParam } from '../../analytics/analytics.query';
import { loadCatalogue } from '../../analytics/catalogue';
import { readDataVersion } from '../../analytics/vintage.repository';
import type { Db } from '../../db/database';
import { defineRoute } from '../../http/route';
import { cachedTextAnswer } from '../cache/cached-answer';
import { catalogGraph, readCoverage } from './catalog';
import { toJsonLd, toTurtle } from './graph';

const FORMATS = {
  ttl: { contentType: 'text/turtle', write: toTurtle },
  jsonld: { contentType: 'application/ld+json', write: toJsonLd },
} as const;

/** The catalogue's IRIs are the addresses it is read at (behind a proxy: TRUST_PROXY gives the scheme). */
function baseOf(headers: Readonly<Record<string, string | string[] | undefined>>, secure: boolean | undefined): string {
  const host = String(headers.host ?? 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return `${secure ? 'https' : 'http'}://${host}`;
}

async function catalogAnswer(
  db: Db,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secure: boolean | undefined,
  asOfText: string | undefined,
  format: keyof typeof FORMATS,
) {
  const asOf = asOfMoment(asOfText);
  const version = await readDataVersion(db, asOf);
  const base = baseOf(headers, secure);
  return cachedTextAnswer({
    db,
    headers,
    version,
    key: `dcat/${format}|${base}|${asOf ?? ''}`,
    contentType: FORMATS[format].contentType,
    compute: async () => {
      const catalogue = await loadCatalogue(db, version.catalogueKey);
      return FORMATS[format].write(catalogGraph(base, catalogue, await readCoverage(db, asOf), version.at));
    },
  });
}

const query = z.object({ asOf: asOfParam.optional() });

export const dcatRoutes = [
  defineRoute({
    method: 'get',
    path: '/dcat/catalog.ttl',
    tag: 'dcat',
    access: { kind: 'public' },
    query,
    summary:
      'The DCAT-AP 3.0 catalogue (Turtle): a dataset per indicator with CSV, JSON-stat, SDMX-ML and ' +
      'SDMX-CSV distributions',
    handler: ({ db, headers, secure, query: q }) => catalogAnswer(db, headers, secure, q.asOf, 'ttl'),
  }),
  defineRoute({
    method: 'get',
    path: '/dcat/catalog.jsonld',
    tag: 'dcat',
    access: { kind: 'public' },
    query,
    summary: 'The DCAT-AP 3.0 catalogue (JSON-LD)',
    handler: ({ db, headers, secure, query: q }) => catalogAnswer(db, headers, secure, q.asOf, 'jsonld'),
  }),
];
