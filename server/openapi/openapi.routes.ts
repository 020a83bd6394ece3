import { defineRoute, RouteResponse } from '../http/route';
import type { AnyRoute } from '../http/route';
import { DOCS_CSS, renderDocsPage } from './docs-page';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.document';

const API_VERSION = '0.1.0';
let cached: OpenApiDocument | null = null;

/** The route list is read at request time: server/http/routes.ts lists these routes too. */
async function document(): Promise<OpenApiDocument> {
  if (!cached) {
    const { apiRoutes } = (await import('../http/routes')) as { apiRoutes: AnyRoute[] };
    cached = buildOpenApiDocument(apiRoutes, API_VERSION);
  }
  return cached;
}

export const openApiRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'reference',
    summary: 'The OpenAPI 3.1 description of this API, generated from the route list and its zod schemas',
    access: { kind: 'public' },
    handler: async () => new RouteResponse(await document(), { headers: { 'Cache-Control': 'no-cache' } }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/docs',
    tag: 'reference',
    summary: 'A readable reference page for every route (HTML, no scripts)',
    access: { kind: 'public' },
    handler: async () => new RouteResponse(renderDocsPage(await document()), { contentType: 'text/html; charset=utf-8' }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/docs.css',
    tag: 'reference',
    summary: 'The stylesheet of the reference page',
    access: { kind: 'public' },
    handler: () => new RouteResponse(DOCS_CSS, { contentType: 'text/css; charset=utf-8' }),
  }),
];
