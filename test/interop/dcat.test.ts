import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { type Quad, Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app/compose';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { getText } from './helpers';
import { listening } from './server';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => database.dispose());

const SHAPES = new Parser().parse(
  readFileSync(path.join(import.meta.dirname, 'dcat-ap/dcat-ap-3.0-core.shapes.ttl'), 'utf8'),
);
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

async function parseJsonLd(text: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  const parser = new JsonLdParser();
  await new Promise<void>((resolve, reject) => {
    parser
      .on('data', (q: Quad) => quads.push(q))
      .on('error', reject)
      .on('end', resolve);
    parser.end(text);
  });
  return quads;
}

async function validate(quads: Quad[]) {
  return new SHACLValidator(new Store(SHAPES)).validate(new Store(quads));
}

const subjectsOf = (store: Store, type: string) => store.getSubjects(RDF_TYPE, type, null).map((s) => s.value);

describe('the DCAT-AP 3.0 catalogue', () => {
  it('validates against the DCAT-AP shapes in Turtle and JSON-LD, which carry the same graph', async () => {
    const ttl = await getText(app, '/dcat/catalog.ttl').expect(200);
    expect(ttl.headers['content-type']).toBe('text/turtle');
    expect(ttl.headers.etag).toMatch(/^W\//);
    const fromTurtle = new Parser({ baseIRI: 'http://x/' }).parse(ttl.body);
    const report = await validate(fromTurtle);
    expect(
      report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join()}`),
    ).toEqual([]);
    expect(report.conforms).toBe(true);

    const jsonld = await getText(app, '/dcat/catalog.jsonld').expect(200);
    expect(jsonld.headers['content-type']).toBe('application/ld+json');
    const fromJsonLd = await parseJsonLd(jsonld.body);
    expect((await validate(fromJsonLd)).conforms).toBe(true);
    expect(fromJsonLd.length).toBe(fromTurtle.length);
    expect(new Store(fromJsonLd).size).toBe(new Store(fromTurtle).size);
  });

  it('describes each indicator with figures, with coverage from the data and four distributions', async () => {
    const store = new Store(new Parser().parse((await getText(app, '/dcat/catalog.ttl').expect(200)).body));
    const withData = await database.db.selectFrom('observations').select('indicator').distinct().execute();
    const datasets = subjectsOf(store, `${DCAT}Dataset`);
    expect(datasets.length).toBe(withData.length);
    const homicide = datasets.find((d) => d.endsWith('/dcat/dataset/ICCS0101'))!;
    expect(store.getObjects(homicide, `${DCT}title`, null).map((o) => o.value)).toEqual(['Intentional homicide']);
    expect(store.getObjects(homicide, `${DCAT}distribution`, null)).toHaveLength(4);
    const period = store.getObjects(homicide, `${DCT}temporal`, null)[0]!;
    const first = await database.db
      .selectFrom('observations')
      .select((eb) => eb.fn.min('period_start').as('m'))
      .where('indicator', '=', 'ICCS0101')
      .executeTakeFirstOrThrow();
    expect(store.getObjects(period, `${DCAT}startDate`, null)[0]!.value).toBe(first.m);
    expect(store.getObjects(homicide, `${DCT}spatial`, null).map((o) => o.value)).toContain(
      'http://publications.europa.eu/resource/authority/country/AUT',
    );
    const urls = store
      .getObjects(homicide, `${DCAT}distribution`, null)
      .flatMap((d) => store.getObjects(d, `${DCAT}accessURL`, null).map((u) => new URL(u.value)));
    for (const url of urls) {
      const res = await getText(app, `${url.pathname}${url.search}`);
      expect(res.status, url.href).toBe(200);
    }
  });

  it('is versioned like the rest: an ETag, 304 while current, and asOf before any data lists no dataset', async () => {
    // One address for both requests: the catalogue's IRIs (and so its ETag) follow the host it is read at.
    const server = await listening(database.db);
    try {
      const now = await fetch(`${server.base}/dcat/catalog.ttl`);
      expect(now.status).toBe(200);
      const etag = now.headers.get('etag')!;
      const again = await fetch(`${server.base}/dcat/catalog.ttl`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    } finally {
      await server.close();
    }
    const before = await getText(app, '/dcat/catalog.jsonld?asOf=2000-01-01').expect(200);
    const store = new Store(await parseJsonLd(before.body));
    expect(subjectsOf(store, `${DCAT}Catalog`)).toHaveLength(1);
    expect(subjectsOf(store, `${DCAT}Dataset`)).toEqual([]);
    expect((await validate(store.getQuads(null, null, null, null))).conforms).toBe(true);
  });

  it('is caught by the validator when a mandatory property is missing (the shapes really check)', async () => {
    const quads = new Parser().parse((await getText(app, '/dcat/catalog.ttl').expect(200)).body);
    const withoutTitles = quads.filter(
      (q) => !(q.predicate.value === `${DCT}title` && q.subject.value.includes('/dcat/dataset/')),
    );
    const report = await validate(withoutTitles);
    expect(report.conforms).toBe(false);
    expect(report.results.every((r) => r.path?.value === `${DCT}title`)).toBe(true);
  });
});
