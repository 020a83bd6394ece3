import type { Frequency } from '../shared/api/empact';

/** The spelling of a reporting period for each frequency. */
export const PERIOD_FORMS: Record<Frequency, { pattern: RegExp; example: string }> = {
  annual: { pattern: /^(\d{4})$/, example: '2027' },
  semiannual: { pattern: /^(\d{4})-H([12])$/, example: '2027-H1' },
  quarterly: { pattern: /^(\d{4})-Q([1-4])$/, example: '2027-Q3' },
  monthly: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2027-03' },
};

const MONTHS: Record<Frequency, number> = { annual: 12, semiannual: 6, quarterly: 3, monthly: 1 };

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** First and last day of a period, or null when the period is not spelled as the frequency expects. */
export function periodBounds(period: string, frequency: Frequency): { start: string; end: string } | null {
  const match = PERIOD_FORMS[frequency].pattern.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const index = match[2] ? Number(match[2]) : 1;
  const firstMonth = (index - 1) * MONTHS[frequency] + 1;
  const lastMonth = firstMonth + MONTHS[frequency] - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: iso(year, firstMonth, 1), end: iso(year, lastMonth, lastDay) };
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A real calendar date written YYYY-MM-DD (rejects 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
