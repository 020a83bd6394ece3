import type { Catalogue } from '../../analytics/catalogue';
import type { DbOrTx } from '../../db/database';
import { cellVersions } from '../../cells/cell-versions';
import { AGENCY, DATAFLOW, VERSION } from '../sdmx/artefacts';
import { Graph, iri, plain, text, typed } from './graph';

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'http://www.iana.org/assignments/media-types';
const LICENCE = `${EU}/licence/CC_BY_4_0`;
const THEME_JUSTICE = `${EU}/data-theme/JUST`;
const ANNUAL = `${EU}/frequency/ANNUAL`;
const ENGLISH = `${EU}/language/ENG`;
const SDMX_REST = 'https://github.com/sdmx-twg/sdmx-rest';

/** Per indicator: its first and last period, and the countries (ISO 3166 alpha-3) with figures. */
export interface Coverage {
  first: string;
  last: string;
  countries: string[];
}

/** What the catalogue describes: coverage from the published cells (now, or as of asOf). */
export async function readCoverage(db: DbOrTx, asOf: string | null): Promise<Map<string, Coverage>> {
  const rows = await db
    .selectFrom(cellVersions(db))
    .innerJoin('geos', 'geos.code', 'v.geo')
    .select((eb) => [
      'v.indicator',
      'geos.iso3',
      eb.fn.min('v.period_start').as('first'),
      eb.fn.max('v.period_start').as('last'),
    ])
    .$if(asOf !== null, (q) => q.where('v.recorded_at', '<=', asOf!))
    .$if(asOf === null, (q) => q.where('v.current', '=', 1))
    .groupBy(['v.indicator', 'geos.iso3'])
    .execute();
  const coverage = new Map<string, Coverage>();
  for (const row of rows) {
    const known = coverage.get(row.indicator) ?? {
      first: row.first as string,
      last: row.last as string,
      countries: [],
    };
    if ((row.first as string) < known.first) known.first = row.first as string;
    if ((row.last as string) > known.last) known.last = row.last as string;
    if (row.iso3) known.countries.push(row.iso3);
    coverage.set(row.indicator, known);
  }
  return coverage;
}

function distribution(
  g: Graph,
  dataset: string,
  id: string,
  d: { title: string; url: string; media: string; format: string; standard?: string },
): void {
  const node = `${dataset}/distribution/${id}`;
  g.add(dataset, 'dcat:distribution', iri(node));
  g.type(node, 'dcat:Distribution')
    .add(node, 'dct:title', text(d.title))
    .add(node, 'dcat:accessURL', iri(d.url))
    .add(node, 'dcat:downloadURL', iri(d.url))
    .add(node, 'dcat:mediaType', iri(`${IANA}/${d.media}`))
    .add(node, 'dct:format', iri(`${EU}/file-type/${d.format}`))
    .add(node, 'dct:license', iri(LICENCE));
  g.type(`${IANA}/${d.media}`, 'dct:MediaType');
  g.type(`${EU}/file-type/${d.format}`, 'dct:MediaTypeOrExtent');
  if (d.standard) {
    g.add(node, 'dct:conformsTo', iri(d.standard));
    g.type(d.standard, 'dct:Standard');
  }
}

function shared(g: Graph, base: string): { publisher: string; contact: string } {
  const publisher = `${base}/#publisher`;
  const contact = `${base}/#contact`;
  g.type(publisher, 'foaf:Agent').add(publisher, 'foaf:name', text('EU Crime Prevention Observatory'));
  g.type(contact, 'vcard:Kind')
    .add(contact, 'vcard:fn', text('Observatory secretariat'))
    .add(contact, 'vcard:hasURL', iri(`${base}/`));
  g.type(LICENCE, 'dct:LicenseDocument');
  g.type(THEME_JUSTICE, 'skos:Concept').add(
    THEME_JUSTICE,
    'skos:prefLabel',
    text('Justice, legal system and public safety'),
  );
  g.type(ANNUAL, 'dct:Frequency');
  g.type(ENGLISH, 'dct:LinguisticSystem');
  return { publisher, contact };
}

function dataset(
  g: Graph,
  base: string,
  code: string,
  catalogue: Catalogue,
  coverage: Coverage,
  who: { publisher: string; contact: string },
): string {
  const indicator = catalogue.indicators.get(code)!;
  const node = `${base}/dcat/dataset/${encodeURIComponent(code)}`;
  const period = `${node}#period`;
  g.type(node, 'dcat:Dataset')
    .add(node, 'dct:identifier', plain(code))
    .add(node, 'dct:title', text(indicator.name))
    .add(node, 'dct:description', text(indicator.definition || indicator.name))
    .add(node, 'dct:publisher', iri(who.publisher))
    .add(node, 'dcat:contactPoint', iri(who.contact))
    .add(node, 'dcat:theme', iri(THEME_JUSTICE))
    .add(node, 'dct:accrualPeriodicity', iri(ANNUAL))
    .add(node, 'dct:language', iri(ENGLISH))
    .add(node, 'dct:temporal', iri(period));
  g.type(period, 'dct:PeriodOfTime')
    .add(period, 'dcat:startDate', typed(coverage.first, 'xsd:date'))
    .add(period, 'dcat:endDate', typed(`${coverage.last.slice(0, 4)}-12-31`, 'xsd:date'));
  for (const iso3 of [...new Set(coverage.countries)].sort()) {
    g.add(node, 'dct:spatial', iri(`${EU}/country/${iso3}`));
    g.type(`${EU}/country/${iso3}`, 'dct:Location');
  }
  // DCAT-AP's dct:source names a dataset; where the figures come from is a provenance statement.
  if (indicator.source) {
    g.add(node, 'dct:provenance', iri(`${node}#provenance`));
    g.type(`${node}#provenance`, 'dct:ProvenanceStatement').add(
      `${node}#provenance`,
      'rdfs:label',
      text(indicator.source),
    );
  }
  const key = `.${encodeURIComponent(code)}.`;
  const sdmx = `${base}/sdmx/2.1/data/${AGENCY},${DATAFLOW},${VERSION}/${key}`;
  distribution(g, node, 'csv', {
    title: `${indicator.name}: CSV`,
    url: `${base}/api/observations?indicator=${encodeURIComponent(code)}&format=csv`,
    media: 'text/csv',
    format: 'CSV',
  });
  distribution(g, node, 'jsonstat', {
    title: `${indicator.name}: JSON-stat 2.0`,
    url: `${sdmx}?format=jsonstat`,
    media: 'application/json',
    format: 'JSON',
    standard: 'https://json-stat.org/format/',
  });
  distribution(g, node, 'sdmx-ml', {
    title: `${indicator.name}: SDMX-ML 2.1`,
    url: sdmx,
    media: 'application/xml',
    format: 'SDMX',
    standard: SDMX_REST,
  });
  distribution(g, node, 'sdmx-csv', {
    title: `${indicator.name}: SDMX-CSV 1.0`,
    url: `${sdmx}?format=csv`,
    media: 'text/csv',
    format: 'CSV',
    standard: SDMX_REST,
  });
  return node;
}

/**
 * The DCAT-AP 3.0 catalogue: one dataset per indicator with figures, each with its CSV, JSON-stat,
 * SDMX-ML and SDMX-CSV distributions, and the SDMX API as a data service serving them all.
 */
export function catalogGraph(
  base: string,
  catalogue: Catalogue,
  coverage: Map<string, Coverage>,
  modified: string | null,
): Graph {
  const g = new Graph();
  const who = shared(g, base);
  const catalog = `${base}/dcat/catalog`;
  const service = `${base}/sdmx/2.1`;
  g.type(catalog, 'dcat:Catalog')
    .add(catalog, 'dct:title', text('EU Crime Prevention Observatory'))
    .add(
      catalog,
      'dct:description',
      text(
        'Core indicators of crime and crime prevention in Europe, as uploaded by national contact points, ' +
          'with every revision kept.',
      ),
    )
    .add(catalog, 'dct:publisher', iri(who.publisher))
    .add(catalog, 'dct:language', iri(ENGLISH))
    .add(catalog, 'dct:license', iri(LICENCE))
    .add(catalog, 'foaf:homepage', iri(`${base}/`))
    .add(catalog, 'dcat:service', iri(service));
  g.type(`${base}/`, 'foaf:Document');
  if (modified) g.add(catalog, 'dct:modified', typed(modified, 'xsd:dateTime'));
  g.type(service, 'dcat:DataService')
    .add(service, 'dct:title', text('SDMX 2.1 RESTful API of the observatory'))
    .add(service, 'dcat:endpointURL', iri(`${service}/`))
    .add(service, 'dct:conformsTo', iri(SDMX_REST))
    .add(service, 'dct:license', iri(LICENCE));
  g.type(SDMX_REST, 'dct:Standard');
  for (const code of catalogue.indicators.keys()) {
    const covered = coverage.get(code);
    if (!covered) continue;
    const node = dataset(g, base, code, catalogue, covered, who);
    g.add(catalog, 'dcat:dataset', iri(node));
    g.add(service, 'dcat:servesDataset', iri(node));
    if (modified) g.add(node, 'dct:modified', typed(modified, 'xsd:dateTime'));
  }
  return g;
}
