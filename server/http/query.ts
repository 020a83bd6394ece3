import { z } from 'zod';

/** "AT,DE" or repeated ?geo=AT&geo=DE → ["AT","DE"], trimmed, de-duplicated. */
export const codeList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [
    ...new Set(
      (Array.isArray(v) ? v.join(',') : v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"')).max(100));

/** A period code as used in query strings: a year, quarter or month. */
export const periodParam = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected a year (2019), quarter (2019-Q1) or month (2019-03)');

export const singleCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"');
