import { z } from 'zod';
import { badRequest } from '../http/errors';

/** count: the figure as published; rate: per 100,000 inhabitants (count ÷ POP_JAN of the same geo and period). */
export const measureParam = z
  .enum(['count', 'rate'])
  .default('count')
  .describe(
    'count: the value as published; rate: per 100,000 inhabitants, count ÷ population on 1 January of the same geo and period',
  );

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A vintage: the data as published at that moment. A bare date means the end of that day (UTC), i.e.
 * everything published on or before it; a datetime without a zone is read as UTC.
 */
export const asOfParam = z
  .string()
  .refine(
    (s) => DATE.test(s) || DATETIME.test(s),
    'expected an ISO date (2024-05-01) or datetime (2024-05-01T12:00:00Z)',
  )
  .refine(
    (s) => isCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(normaliseInput(s))),
    'not a real calendar date or time',
  )
  .describe(
    'Answer with the data as published at this moment (ISO date or datetime; a date means the end of that day, UTC)',
  );

export const formatParam = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('json (default) or csv: UTF-8 with a header row, formula-escaped');

/** The formats of the table-like answers (observations, compare, trends): JSON-stat 2.0 besides json and csv. */
export const tableFormatParam = z
  .enum(['json', 'csv', 'jsonstat'])
  .default('json')
  .describe(
    'json (default), csv (UTF-8 with a header row, formula-escaped) or jsonstat (JSON-stat 2.0; ' +
      'also chosen by Accept: application/json; profile=jsonstat)',
  );

function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

function normaliseInput(s: string): string {
  if (DATE.test(s)) return `${s}T23:59:59.999Z`;
  return /(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`;
}

/** The asOf moment as a comparable ISO-8601 UTC string (the format recorded_at uses), or null for "now". */
export function asOfMoment(asOf: string | undefined): string | null {
  if (asOf === undefined) return null;
  const time = Date.parse(normaliseInput(asOf));
  if (Number.isNaN(time)) throw badRequest({ key: 'analytics.bad-as-of', params: { asOf } });
  return new Date(time).toISOString();
}
