import { defineRoute, RouteResponse } from '../http/route';
import type { AnyRoute } from '../http/route';
import { DOCS_CSS, renderDocsPage } from './docs-page';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.document';

const API_VERSION = '0.1.0';

/**
 * The reference routes, given the list they describe. `listRoutes` is read at the first request,
 * so the list may include these routes themselves (server/app/compose.ts).
 */
export function openApiRoutes(listRoutes: () => readonly AnyRoute[]) {
  let cached: OpenApiDocument | null = null;
  const document = (): OpenApiDocument => (cached ??= buildOpenApiDocument(listRoutes(), API_VERSION));
  return [
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      tag: 'reference',
      summary: 'The OpenAPI 3.1 description of this API, generated from the route list and its zod schemas',
      access: { kind: 'public' },
      handler: async () => new RouteResponse(document(), { headers: { 'Cache-Control': 'no-cache' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs',
      tag: 'reference',
      summary: 'A readable reference page for every route (HTML, no scripts)',
      access: { kind: 'public' },
      handler: async ({ locale }) =>
        new RouteResponse(renderDocsPage(document(), locale), { contentType: 'text/html; charset=utf-8' }),
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
}
