import Papa from 'papaparse';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) is prefixed
 * with an apostrophe (OWASP CSV-injection advice). Numbers are written as numbers, so -4 stays -4.
 */
export function escapeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** UTF-8 CSV with a header row; every cell formula-escaped. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  const body = rows.map((row) => columns.map((c) => escapeCsvCell(row[c])));
  return `${Papa.unparse({ fields: columns, data: body }, { newline: '\n' })}\n`;
}
