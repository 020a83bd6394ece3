import { parsePeriod } from '../../cells/period';
import type { ProfileDefinition } from '../../shared/api/import-profiles';

export type FileFormat = 'canonical' | ProfileDefinition['shape'];

/** Where things are in a file: column names, the key dimensions of a Eurostat file, the period columns. */
export interface TableLayout {
  format: FileFormat;
  /** Column names in file order; for Eurostat the key dimensions come first, then the periods. */
  names: string[];
  /** Number of fields a data record must have. */
  width: number;
  /** Eurostat: how many key dimensions the first field holds. */
  keyDimensions: number;
  index: Map<string, number>;
  /** Wide formats: indices (in `names`) of the columns that are periods, and the period each names. */
  periodColumns: { at: number; period: string; header: string }[];
}

const CANONICAL_REQUIRED = ['geo', 'indicator', 'period', 'value'];

/** Converts a period header or cell, reading two-digit years when the profile says so. */
export function periodText(text: string, yearFormat: ProfileDefinition['yearFormat']): string {
  const t = text.trim();
  if (yearFormat === 'yy' && /^\d{2}$/.test(t)) return `${Number(t) >= 50 ? '19' : '20'}${t}`;
  return t;
}

export function isWorldBankHeader(fields: string[]): boolean {
  return fields[0]?.replace(/^\uFEFF/, '').trim() === 'Country Name' && fields[1]?.trim() === 'Country Code';
}

export function isEurostatHeader(fields: string[]): boolean {
  return (fields[0] ?? '').includes('\\');
}

export function eurostatDimensions(fields: string[]): string[] {
  return fields[0]!
    .replace(/^\uFEFF/, '')
    .split('\\')[0]!
    .split(',')
    .map((d) => d.trim());
}

/** The format a header shows when no profile was chosen. */
export function detectFormat(header: string[]): FileFormat | null {
  if (isEurostatHeader(header)) return 'eurostat';
  if (isWorldBankHeader(header)) return 'worldbank';
  const names = new Set(
    header.map((h) =>
      h
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    ),
  );
  if (CANONICAL_REQUIRED.every((c) => names.has(c))) return 'canonical';
  if (names.has('geo') && names.has('indicator') && header.some((h) => parsePeriod(h.trim()))) return 'wide';
  return null;
}

export function buildLayout(format: FileFormat, header: string[], profile: ProfileDefinition): TableLayout {
  const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const dims = format === 'eurostat' ? eurostatDimensions(clean) : [];
  const names = format === 'eurostat' ? [...dims, ...clean.slice(1)] : clean;
  const caseless = format === 'canonical' || format === 'wide';
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    const key = caseless ? n.toLowerCase() : n;
    if (n !== '' && !index.has(key)) index.set(key, i);
  });
  const periodColumns: TableLayout['periodColumns'] = [];
  if (format === 'eurostat' || format === 'wide' || format === 'worldbank') {
    const roles = new Set(Object.values(profile.columns));
    names.forEach((n, at) => {
      if (at < dims.length || roles.has(n)) return;
      const period = parsePeriod(periodText(n, profile.yearFormat));
      if (period) periodColumns.push({ at, period: period.code, header: n });
    });
  }
  return { format, names, width: header.length, keyDimensions: dims.length, index, periodColumns };
}

/**
 * The index of a role's column, or undefined when the file has no such column. A profile may name
 * alternatives, "TOT DELITTI COMMESSI | Totale Delitti commesi", for a column whose header changed
 * between editions of one national file: the first the header has is the column (issue 19).
 */
export function columnAt(layout: TableLayout, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const caseless = layout.format === 'canonical' || layout.format === 'wide';
  for (const alternative of name.includes(' | ') ? name.split(' | ') : [name]) {
    const at = layout.index.get(caseless ? alternative.trim().toLowerCase() : alternative.trim());
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Expands a record into fields in `names` order (Eurostat: the key column split into its dimensions). */
export function expandRecord(layout: TableLayout, fields: string[]): string[] {
  if (layout.format !== 'eurostat') return fields;
  const key = fields[0]!.split(',');
  while (key.length < layout.keyDimensions) key.push('');
  return [...key.slice(0, layout.keyDimensions), ...fields.slice(1)];
}
