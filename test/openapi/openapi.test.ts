import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/app/compose';
import { openApiPath } from '../../server/openapi/openapi.document';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

describe('GET /api/openapi.json', () => {
  it('is valid JSON describing OpenAPI 3.1 with every route in the route list', async () => {
    const res = await ctx.request().get('/api/openapi.json').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toMatch(/Observatory/);
    for (const route of apiRoutes) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method];
      expect(op, `${route.method.toUpperCase()} ${route.path}`).toBeDefined();
      expect(op.summary).toBe(route.summary);
    }
    const count = Object.values(doc.paths as Record<string, object>).reduce(
      (n, methods) => n + Object.keys(methods).length,
      0,
    );
    expect(count).toBe(apiRoutes.length);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((m) =>
      Object.values(m).map((o) => o.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates parameters from the zod schemas that validate the requests', async () => {
    const doc = (await ctx.request().get('/api/openapi.json').expect(200)).body;
    const compare = doc.paths['/api/compare'].get;
    const byName = Object.fromEntries(compare.parameters.map((p: { name: string }) => [p.name, p]));
    expect(byName.indicator).toMatchObject({ in: 'query', required: true });
    expect(byName.measure).toMatchObject({ required: false, schema: { enum: ['count', 'rate'], default: 'count' } });
    expect(byName.group.schema.default).toBe('EU27_2020');
    expect(byName.asOf.description).toMatch(/as published at this moment/);
    expect(compare.responses['200'].content['text/csv']).toBeDefined();
    expect(compare.responses['304']).toBeDefined();
    const profile = doc.paths['/api/geos/{code}/profile'].get;
    expect(profile.parameters.find((p: { name: string }) => p.name === 'code')).toMatchObject({
      in: 'path',
      required: true,
    });
    expect(JSON.stringify(doc)).not.toMatch(/"\$schema"/);
  });
});

describe('GET /api/docs', () => {
  it('renders a readable, script-free reference of every route', async () => {
    const res = await ctx.request().get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).not.toMatch(/<script|style=|onclick/i);
    expect(res.text).toMatch(/<html lang="en">/);
    for (const route of apiRoutes) expect(res.text).toContain(`<code>${openApiPath(route.path)}</code>`);
    await ctx
      .request()
      .get('/api/docs.css')
      .expect(200)
      .expect('content-type', /text\/css/);
  });
});

describe('response schemas in the API description', () => {
  it('describes the JSON answers of the analytics routes from their zod schemas', async () => {
    const doc = (await ctx.request().get('/api/openapi.json').expect(200)).body;
    const schemaOf = (path: string) => doc.paths[path].get.responses['200'].content['application/json'].schema;
    expect(schemaOf('/api/compare').properties.rows.items.properties.robustZ).toBeDefined();
    expect(schemaOf('/api/trends').properties.segments.items.properties.mannKendall).toBeDefined();
    expect(schemaOf('/api/alerts').properties.alerts.items.properties.explanation).toMatchObject({ type: 'string' });
    expect(schemaOf('/api/geos/{code}/profile').properties.indicators).toBeDefined();
    expect(schemaOf('/api/observations').properties.data.items.properties.denominator).toBeDefined();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
  });
});
