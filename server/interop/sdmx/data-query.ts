import type { Catalogue } from '../../analytics/catalogue';
import { asOfMoment, asOfParam } from '../../analytics/analytics.query';
import { AGENCY, DATAFLOW, KEY_DIMENSIONS, VERSION } from './artefacts';
import { FREQUENCIES, type Frequency } from '../../analytics/series-block';
import { noResults, notImplemented, semanticError, syntaxError } from './errors';

export type Detail = 'full' | 'dataonly' | 'serieskeysonly' | 'nodata';

/** A data query of the SDMX RESTful API, checked against the catalogue. */
export interface DataQuery {
  /** Per key dimension: the codes asked for; empty means every code. */
  freq: Frequency[];
  indicators: string[];
  geos: string[];
  /** Inclusive bounds on a period's start date (YYYY-MM-DD). */
  fromStart?: string;
  toStart?: string;
  detail: Detail;
  allDimensions: boolean;
  firstN?: number;
  lastN?: number;
  updatedAfter?: string;
  includeHistory: boolean;
  asOf: string | null;
}

const PARAMS = new Set([
  'startPeriod',
  'endPeriod',
  'detail',
  'dimensionAtObservation',
  'firstNObservations',
  'lastNObservations',
  'updatedAfter',
  'includeHistory',
  'asOf',
  'format',
  'labels',
]);
const DETAILS: readonly Detail[] = ['full', 'dataonly', 'serieskeysonly', 'nodata'];
const CODE = /^[A-Za-z0-9_@$-]+$/;

/** flowRef as AGENCY,ID,VERSION (agency and version optional, "all" and "latest" allowed). */
export function checkFlowRef(flowRef: string): void {
  const parts = flowRef.split(',');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_@$.-]+$/.test(p))) {
    throw syntaxError(
      `flowRef "${flowRef}" is not of the form AGENCY,ID,VERSION (e.g. ${AGENCY},${DATAFLOW},${VERSION}).`,
    );
  }
  const [agency, id, version] =
    parts.length === 1 ? ['all', parts[0]!, 'latest'] : [parts[0]!, parts[1]!, parts[2] ?? 'latest'];
  if (!['all', AGENCY].includes(agency) || id !== DATAFLOW || !['latest', VERSION].includes(version)) {
    throw noResults(`No dataflow ${agency}:${id}(${version}). This service has one: ${AGENCY},${DATAFLOW},${VERSION}.`);
  }
}

export function checkProviderRef(provider: string | undefined): void {
  if (provider === undefined || ['all', AGENCY, `${AGENCY},${AGENCY}`].includes(provider)) return;
  throw noResults(`No data provider "${provider}". Use "all" (or ${AGENCY}).`);
}

function parseKey(key: string | undefined, catalogue: Catalogue): Pick<DataQuery, 'freq' | 'indicators' | 'geos'> {
  if (key === undefined || key === 'all' || key === '') return { freq: [], indicators: [], geos: [] };
  const parts = key.split('.');
  if (parts.length !== KEY_DIMENSIONS.length) {
    throw syntaxError(
      `The key "${key}" has ${parts.length} dimension(s); this dataflow's key has ${KEY_DIMENSIONS.length}: ` +
        `${KEY_DIMENSIONS.join('.')}, e.g. A.ICCS0101.AT+DE (empty for every code, "+" for either).`,
    );
  }
  const known: Record<string, (code: string) => boolean> = {
    FREQ: (c) => Object.hasOwn(FREQUENCIES, c),
    INDICATOR: (c) => catalogue.indicators.has(c),
    GEO: (c) => catalogue.geos.has(c),
  };
  const codes = parts.map((part, i) => {
    const dimension = KEY_DIMENSIONS[i]!;
    const list = part === '' ? [] : part.split('+');
    const malformed = list.find((c) => !CODE.test(c));
    if (malformed !== undefined)
      throw syntaxError(`"${malformed}" in the key's ${dimension} position is not a code (letters, digits, _ @ $ -).`);
    const unknown = list.filter((c) => !known[dimension]!(c));
    if (unknown.length)
      throw noResults(
        `Unknown ${dimension} code(s) ${unknown.join(', ')}: see the codelist at codelist/${AGENCY}/all/latest.`,
      );
    return [...new Set(list)];
  });
  return { freq: codes[0] as Frequency[], indicators: codes[1]!, geos: codes[2]! };
}

/** startPeriod/endPeriod in the forms SDMX allows that the observatory stores: year, quarter, month, date. */
function periodStart(text: string, which: string): string {
  let m = /^(\d{4})$/.exec(text);
  if (m) return `${m[1]}-01-01`;
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-01`;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text) && !Number.isNaN(Date.parse(text))) return text;
  throw syntaxError(
    `${which} "${text}" is not a period: use a year (2019), quarter (2019-Q1), month (2019-03) or date (2019-03-31).`,
  );
}

function positive(text: string | undefined, which: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw syntaxError(`${which} "${text}" is not a positive whole number.`);
  return Number(text);
}

/** A moment (asOf, updatedAfter) as the JSON API reads asOf; a "+hh:mm" zone not percent-encoded arrives as a space. */
export function readMoment(text: unknown, which: string): string | null {
  if (text === undefined) return null;
  if (typeof text !== 'string') throw syntaxError(`Give ${which} once.`);
  const parsed = asOfParam.safeParse(text.replace(' ', '+'));
  if (!parsed.success)
    throw syntaxError(`${which} "${text}" is not an ISO date (2024-05-01) or datetime (2024-05-01T12:00:00Z).`);
  return asOfMoment(parsed.data);
}

function updatedAfterMoment(text: string | undefined, now: Date): string | undefined {
  const moment = readMoment(text, 'updatedAfter');
  if (moment === null) return undefined;
  if (moment > now.toISOString())
    throw semanticError(`updatedAfter ${text} is in the future: nothing can have changed after it.`);
  return moment;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw syntaxError(`Give ${name} once.`);
  return value;
}

export function parseDataQuery(
  key: string | undefined,
  query: Record<string, unknown>,
  catalogue: Catalogue,
  now = new Date(),
): DataQuery {
  const unknown = Object.keys(query).filter((k) => !PARAMS.has(k));
  if (unknown.length)
    throw syntaxError(`Unknown parameter(s) ${unknown.join(', ')}. Known: ${[...PARAMS].join(', ')}.`);
  const get = (name: string) => single(query, name);
  const detail = (get('detail') ?? 'full') as Detail;
  if (!DETAILS.includes(detail)) throw syntaxError(`detail "${detail}" is not one of ${DETAILS.join(', ')}.`);
  const atObservation = get('dimensionAtObservation') ?? 'TIME_PERIOD';
  if (atObservation !== 'TIME_PERIOD' && atObservation !== 'AllDimensions') {
    if ((KEY_DIMENSIONS as readonly string[]).includes(atObservation))
      throw notImplemented(
        `dimensionAtObservation=${atObservation} (cross-sectional data) is not implemented; ` +
          'use TIME_PERIOD or AllDimensions.',
      );
    throw syntaxError(
      `dimensionAtObservation "${atObservation}" is not a dimension of this dataflow (TIME_PERIOD, AllDimensions).`,
    );
  }
  const start = get('startPeriod');
  const end = get('endPeriod');
  const fromStart = start === undefined ? undefined : periodStart(start, 'startPeriod');
  const toStart = end === undefined ? undefined : periodStart(end, 'endPeriod');
  if (fromStart && toStart && fromStart > toStart)
    throw semanticError(`startPeriod ${start} is after endPeriod ${end}.`);
  const history = get('includeHistory') ?? 'false';
  if (history !== 'true' && history !== 'false')
    throw syntaxError(`includeHistory "${history}" is neither true nor false.`);
  const asOf = readMoment(get('asOf'), 'asOf');
  return {
    ...parseKey(key, catalogue),
    fromStart,
    toStart,
    detail,
    allDimensions: atObservation === 'AllDimensions',
    firstN: positive(get('firstNObservations'), 'firstNObservations'),
    lastN: positive(get('lastNObservations'), 'lastNObservations'),
    updatedAfter: updatedAfterMoment(get('updatedAfter'), now),
    includeHistory: history === 'true',
    asOf,
  };
}
