import type { LocalisedText } from '../../shared/i18n';
/** How a column writes numbers. `thousands` '' means no grouping separator. */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; code: 'not-a-number' | 'ambiguous-number'; message: LocalisedText };

const PLAIN = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const COMMA_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DOT_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const DECIMAL_COMMA = /^-?\d*,\d+$/;
const ONE_COMMA_GROUP = /^-?\d{1,3},\d{3}$/;
const ONE_DOT_GROUP = /^-?\d{1,3}\.\d{3}$/;

// biome-ignore lint/suspicious/noShadowRestrictedNames: a local helper named for what it does; the global is never needed in this module
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a number written in a known format; grouping must be in threes. */
function readWithFormat(text: string, format: NumberFormat): number | null {
  let t = text;
  if (format.thousands) {
    const sep = escape(format.thousands);
    const dec = escape(format.decimal);
    if (new RegExp(`^-?\\d{1,3}(${sep}\\d{3})+(${dec}\\d+)?$`).test(t)) t = t.split(format.thousands).join('');
  }
  if (format.decimal === ',') {
    if (t.includes('.')) return null;
    t = t.replace(',', '.');
  }
  return PLAIN.test(t) ? Number(t) : null;
}

/**
 * Reads a cell's number. With a column format (from the profile or the other rows of the column) it
 * follows that format; without one, only self-evident forms are read and `1,234` is ambiguous.
 */
export function readNumber(raw: string, format: NumberFormat | undefined): NumberReading {
  const text = raw.trim();
  if (format) {
    const value = readWithFormat(text, format);
    if (value !== null) return { ok: true, value };
    return {
      ok: false,
      code: 'not-a-number',
      message: {
        key: 'validation.not-a-number-in-format',
        params: { text, decimal: format.decimal, thousands: format.thousands || 'none' },
      },
    };
  }
  if (ONE_DOT_GROUP.test(text)) {
    return {
      ok: false,
      code: 'ambiguous-number',
      message: { key: 'validation.ambiguous-point', params: { text, asThousands: text.replace('.', '') } },
    };
  }
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  if (ONE_COMMA_GROUP.test(text)) {
    return {
      ok: false,
      code: 'ambiguous-number',
      message: {
        key: 'validation.ambiguous-comma',
        params: { text, asThousands: text.replace(',', ''), asDecimal: text.replace(',', '.') },
      },
    };
  }
  if (COMMA_GROUPED.test(text)) return { ok: true, value: Number(text.replaceAll(',', '')) };
  if (DOT_GROUPED.test(text) && (text.split('.').length > 2 || text.includes(','))) {
    return { ok: true, value: Number(text.replaceAll('.', '').replace(',', '.')) };
  }
  if (DECIMAL_COMMA.test(text)) return { ok: true, value: Number(text.replace(',', '.')) };
  return {
    ok: false,
    code: 'not-a-number',
    message: { key: 'validation.not-a-number', params: { text } },
  };
}

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;
/** Integers up to this many digits add up exactly in a double, so they need no string conversion. */
const EXACT_DIGITS = 15;

/**
 * The fast path for the commonest cell: a plain integer or decimal ("1234", "-12.5"), read as
 * readNumber would read it in `format`, without regexes or a result object; undefined for anything
 * else, which readNumber then reads. On the 1M-row bench readNumber and its regexes had ~170 ms self
 * time. A decimal point counts only where the format reads "." as one: a decimal-comma column
 * refuses "1.5", and "." as both separators reads "1.234" as 1234.
 */
export function readPlainNumber(text: string, format: NumberFormat | undefined): number | undefined {
  const end = text.length;
  const negative = text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  const digitsFrom = i;
  let whole = 0;
  for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i)) whole = whole * 10 + (c - ZERO);
  if (i === digitsFrom) return undefined;
  if (i === end) {
    if (i - digitsFrom > EXACT_DIGITS) return Number(text);
    return negative ? -whole : whole;
  }
  if (text.charCodeAt(i) !== DOT || !readsDecimalPoint(format)) return undefined;
  const wholeDigits = i - digitsFrom;
  const fractionFrom = ++i;
  for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i));
  if (i <= fractionFrom || i !== end) return undefined;
  // "1.234" in a column nothing settles may be 1234 with a thousands point: readNumber reports it.
  return format === undefined && wholeDigits <= 3 && i - fractionFrom === 3 ? undefined : Number(text);
}

function readsDecimalPoint(format: NumberFormat | undefined): boolean {
  return format === undefined || (format.decimal === '.' && format.thousands !== '.');
}

interface Evidence {
  thousandsComma: number;
  decimalComma: number;
  thousandsDot: number;
  decimalDot: number;
}

function observe(e: Evidence, raw: string): void {
  const t = raw.trim();
  if (/^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(t) || /^-?\d{1,3}(,\d{3})+\.\d+$/.test(t)) e.thousandsComma++;
  else if (/^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(t) || /^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) {
    e.thousandsDot++;
    if (t.includes(',')) e.decimalComma++;
  } else if (/^-?\d*,(\d{1,2}|\d{4,})$/.test(t) || /^-?0,\d+$/.test(t)) e.decimalComma++;
  else if (/^-?\d*\.(\d{1,2}|\d{4,})$/.test(t)) e.decimalDot++;
}

/**
 * The number format of each column that the sample settles, by index. A column with evidence for
 * both readings of the comma stays unsettled, so its ambiguous cells are reported.
 */
export function inferColumnFormats(rows: string[][], columns: number[]): Map<number, NumberFormat> {
  const formats = new Map<number, NumberFormat>();
  for (const col of columns) {
    const e: Evidence = { thousandsComma: 0, decimalComma: 0, thousandsDot: 0, decimalDot: 0 };
    for (const row of rows) if (row[col] !== undefined) observe(e, row[col]!);
    const commaThousands =
      e.thousandsComma > 0 || (e.decimalDot > 0 && e.decimalComma === 0 && hasCommaGroups(rows, col));
    if (commaThousands && e.decimalComma === 0) formats.set(col, { decimal: '.', thousands: ',' });
    else if (e.decimalComma > 0 && e.thousandsComma === 0 && e.decimalDot === 0) {
      formats.set(col, { decimal: ',', thousands: e.thousandsDot > 0 ? '.' : '' });
    } else if (e.decimalDot > 0 && e.decimalComma === 0 && e.thousandsDot === 0) {
      // Decimal points and no comma at all: "1.234" in this column is one point two three four.
      formats.set(col, { decimal: '.', thousands: '' });
    }
  }
  return formats;
}

function hasCommaGroups(rows: string[][], col: number): boolean {
  return rows.some((r) => r[col] !== undefined && ONE_COMMA_GROUP.test(r[col]!.trim()));
}
