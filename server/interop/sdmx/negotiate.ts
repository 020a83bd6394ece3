import { notAcceptable } from './errors';

export type DataFormat = 'generic' | 'structurespecific' | 'csv' | 'jsonstat';

/** What a data answer is written as, and the Content-Type it is sent with (exactly as the guidelines spell it). */
export interface Negotiated {
  format: DataFormat;
  contentType: string;
  /** SDMX-CSV labels=both: a name beside each id. */
  labels: 'id' | 'both';
}

export const MEDIA = {
  generic: 'application/vnd.sdmx.genericdata+xml;version=2.1',
  structurespecific: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
  csv: 'application/vnd.sdmx.data+csv;version=1.0.0',
  structure: 'application/vnd.sdmx.structure+xml;version=2.1',
  jsonstat: 'application/json',
} as const;

interface MediaRange {
  type: string;
  params: Map<string, string>;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [type, ...rest] = part.split(';').map((s) => s.trim());
    if (!type) continue;
    const params = new Map(
      rest.map((p) => p.split('=').map((s) => s.trim().replace(/^"|"$/g, '')) as [string, string]),
    );
    const q = params.has('q') ? Number(params.get('q')) : 1;
    ranges.push({ type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 });
  }
  return ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q);
}

/** The format a media range asks for, with the Content-Type to answer with; null when none fits. */
function dataFormatFor(range: MediaRange): Negotiated | null {
  const version = range.params.get('version');
  const labels = range.params.get('labels') === 'both' ? 'both' : 'id';
  const exact = (format: DataFormat, wanted: string): Negotiated | null =>
    version === undefined || version === wanted ? { format, contentType: MEDIA[format], labels } : null;
  switch (range.type) {
    case 'application/vnd.sdmx.genericdata+xml':
      return exact('generic', '2.1');
    case 'application/vnd.sdmx.structurespecificdata+xml':
      return exact('structurespecific', '2.1');
    case 'application/vnd.sdmx.data+csv':
      return exact('csv', '1.0.0');
    // Generic types get the default of their kind and are answered with the type asked for, so a
    // client that checks the answer's type against its request (sdmx-rest) accepts it.
    case 'application/xml':
    case 'text/xml':
      return { format: 'generic', contentType: range.type, labels };
    case 'text/csv':
      return { format: 'csv', contentType: 'text/csv', labels };
    case 'application/json':
      return range.params.has('profile') && range.params.get('profile') !== 'jsonstat'
        ? null
        : { format: 'jsonstat', contentType: MEDIA.jsonstat, labels };
    case '*/*':
    case 'application/*':
      return { format: 'generic', contentType: MEDIA.generic, labels };
    default:
      return null;
  }
}

const FORMAT_PARAM: Record<string, Negotiated> = {
  genericdata: { format: 'generic', contentType: MEDIA.generic, labels: 'id' },
  structurespecificdata: { format: 'structurespecific', contentType: MEDIA.structurespecific, labels: 'id' },
  csv: { format: 'csv', contentType: MEDIA.csv, labels: 'id' },
  jsonstat: { format: 'jsonstat', contentType: MEDIA.jsonstat, labels: 'id' },
};

/**
 * The data format by content negotiation (guidelines section 4.6): the first acceptable media range
 * by q-value; SDMX-ML Generic when nothing is said; 406 when nothing offered fits. A `format` query
 * parameter (genericdata, structurespecificdata, csv, jsonstat) wins over Accept, for browsers.
 */
export function negotiateData(
  accept: string | string[] | undefined,
  format: string | undefined,
  labels: string | undefined,
): Negotiated {
  if (format !== undefined) {
    const chosen = FORMAT_PARAM[format];
    if (!chosen)
      throw notAcceptable(`format "${format}" is not offered: use one of ${Object.keys(FORMAT_PARAM).join(', ')}.`);
    return { ...chosen, labels: labels === 'both' ? 'both' : 'id' };
  }
  const text = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  if (!text.trim()) return { format: 'generic', contentType: MEDIA.generic, labels: labels === 'both' ? 'both' : 'id' };
  for (const range of parseAccept(text)) {
    const chosen = dataFormatFor(range);
    if (chosen) return labels === 'both' ? { ...chosen, labels: 'both' } : chosen;
  }
  throw notAcceptable(
    `None of the requested formats (${text}) is offered. Data: ${MEDIA.generic}, ${MEDIA.structurespecific}, ` +
      `${MEDIA.csv}, or application/json; profile=jsonstat.`,
  );
}

/** Structure messages come in SDMX-ML 2.1 only; the answer's type follows the request as for data. */
export function negotiateStructure(accept: string | string[] | undefined): string {
  const text = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  if (!text.trim()) return MEDIA.structure;
  for (const range of parseAccept(text)) {
    const version = range.params.get('version');
    if (range.type === 'application/vnd.sdmx.structure+xml' && (version === undefined || version === '2.1'))
      return MEDIA.structure;
    if (range.type === 'application/xml' || range.type === 'text/xml') return range.type;
    if (range.type === '*/*' || range.type === 'application/*') return MEDIA.structure;
  }
  throw notAcceptable(`None of the requested formats (${text}) is offered. Structures: ${MEDIA.structure}.`);
}
