import type { TrendResponse } from '../../../server/shared/api/analytics';
import type { TrendSeries } from '../../charts/line-chart';
import { yearOf } from '../view-parts';

/**
 * Chart series from trend answers; the aggregate (EU) is marked so it is drawn distinctly. A point
 * where the answer starts a new segment carries the reason, so the chart breaks there and says why.
 */
export function seriesFromTrends(
  trends: TrendResponse[],
  names: Map<string, string>,
  aggregate: string,
): TrendSeries[] {
  return trends.map((t) => {
    const reasons = new Map(t.breakReasons.map((b) => [b.period, b.reason]));
    return {
      geo: t.geo,
      label: names.get(t.geo) ?? t.geo,
      // A line's end label is its two-letter code, readers' shorthand; any other code (UKC-L, a region's
      // NUTS code) is internal, so the line is labelled with its name.
      ...(/^[A-Z]{2}$/.test(t.geo) ? {} : { shortLabel: names.get(t.geo) ?? t.geo }),
      aggregate: t.geo === aggregate,
      points: t.points.map((p) => {
        const breakReason = reasons.get(p.period);
        return { year: yearOf(p.period), value: p.value, flags: p.flags, ...(breakReason ? { breakReason } : {}) };
      }),
    };
  });
}

/**
 * Relative mode: each series as an index, 100 at the base year. A series without a value in the
 * base year cannot be indexed and is left out (the caller says so).
 */
export function indexSeries(series: TrendSeries[], base: number): { indexed: TrendSeries[]; left: string[] } {
  const indexed: TrendSeries[] = [];
  const left: string[] = [];
  for (const s of series) {
    const baseValue = s.points.find((p) => p.year === base)?.value;
    if (!baseValue) {
      left.push(s.geo);
      continue;
    }
    indexed.push({
      ...s,
      points: s.points.map((p) => ({
        ...p,
        value: p.value === null ? null : Math.round((p.value / baseValue) * 10000) / 100,
      })),
    });
  }
  return { indexed, left };
}

export interface TrendTableRow {
  geo: string;
  label: string;
  year: number;
  value: number | null;
  flags: string;
}

export function trendRows(series: TrendSeries[]): TrendTableRow[] {
  return series.flatMap((s) =>
    s.points.map((p) => ({ geo: s.geo, label: s.label, year: p.year, value: p.value, flags: p.flags })),
  );
}
