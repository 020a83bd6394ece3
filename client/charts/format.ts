/** Number formats shared by charts, tables and tooltips (fixed locale so output is reproducible). */

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export type Measure = 'count' | 'rate';

export function formatValue(value: number | null | undefined, measure: Measure): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no data';
  return measure === 'rate' ? twoDecimals.format(value) : grouped.format(value);
}

export function formatTick(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : String(Math.round(value * 100) / 100);
}

export function measureUnit(measure: Measure): string {
  return measure === 'rate' ? 'per 100,000 inhabitants' : 'count';
}

export function formatPercent(value: number, digits = 1): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}%`;
}
