import { sourceName } from '../catalogue/source-names';
import { median } from 'simple-statistics';
import { parsePeriod } from '../cells/period';
import type { MeasuredValue, SegmentStatistics, TrendPoint } from '../shared/api/analytics';
import { olsFit } from './statistics/ols';
import type { Locale, LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { mannKendall, theilSen } from './statistics/trend-tests';

interface PeriodPosition {
  /** The period's start as a number of years. */
  x: number;
  /** The length of one period of its kind, in years. */
  step: number;
}

/**
 * Period codes parsed once: a trend asks for each point's position some six times, and the codes
 * are few (years, quarters, months). Bounded all the same, since they come from submitted data.
 */
const positions = new Map<string, PeriodPosition>();
const POSITIONS_KEPT = 10_000;

function positionOf(period: string): PeriodPosition {
  let position = positions.get(period);
  if (!position) {
    const p = parsePeriod(period);
    const x = p ? p.year + (Number(p.start.slice(5, 7)) - 1) / 12 : Number.NaN;
    position = { x, step: p?.kind === 'quarter' ? 0.25 : p?.kind === 'month' ? 1 / 12 : 1 };
    if (positions.size >= POSITIONS_KEPT) positions.clear();
    positions.set(period, position);
  }
  return position;
}

/** A period as a number of years, so that slopes are "per year" for yearly, quarterly and monthly data. */
export function periodX(period: string): number {
  return positionOf(period).x;
}

function follows(previous: string, next: string): boolean {
  const after = positionOf(next);
  return Math.abs(after.x - positionOf(previous).x - after.step) < 1e-6;
}

/**
 * Which population a rate was divided by: its source (e.g. Eurostat's demo_pjan, the World Bank's
 * mid-year estimates, flagged d). A change of source inside a series is a break for every rate.
 */
function denominatorSource(measured: MeasuredValue): string | null {
  return measured.denominator?.source ?? null;
}

/** Why a point starts a new segment, or null: a break flag (b), or a change of population source under a rate. */
function breakReason(
  measured: MeasuredValue,
  source: string | null,
  previousSource: string | null,
): LocalisedText | null {
  if (measured.countFlags.includes('b')) return { key: 'trends.break-figures' };
  if (measured.flags.includes('b')) return { key: 'trends.break-population' };
  if (source && previousSource && source !== previousSource)
    return { key: 'trends.break-source', params: { before: sourceName(previousSource), after: sourceName(source) } };
  return null;
}

/**
 * Splits a time-ordered series into segments: a value flagged b (break in series), or a rate whose
 * population comes from another source than the previous rate's, starts a new one. Year-over-year
 * changes and the 3-period moving average never reach across a break or a gap.
 */
export function segmentSeries(
  series: { period: string; measured: MeasuredValue }[],
  locale: Locale = 'en',
): {
  points: TrendPoint[];
  breaks: { period: string; reason: string }[];
} {
  let segment = 0;
  let previousSource: string | null = null;
  const points: TrendPoint[] = [];
  const breaks: { period: string; reason: string }[] = [];
  series.forEach(({ period, measured }, i) => {
    const source = denominatorSource(measured);
    const reason = i > 0 ? breakReason(measured, source, previousSource) : null;
    if (reason) {
      segment++;
      breaks.push({ period, reason: translate(locale, reason) });
    }
    if (source) previousSource = source;
    points.push({ period, segment, ...measured, yearOverYear: null, yearOverYearPercent: null, movingAverage3: null });
  });
  points.forEach((point, i) => {
    const prev = points[i - 1];
    if (
      prev &&
      prev.segment === point.segment &&
      follows(prev.period, point.period) &&
      prev.value !== null &&
      point.value !== null
    ) {
      point.yearOverYear = point.value - prev.value;
      point.yearOverYearPercent = prev.value !== 0 ? (100 * (point.value - prev.value)) / prev.value : null;
      const before = points[i - 2];
      if (before && before.segment === point.segment && follows(before.period, prev.period) && before.value !== null) {
        point.movingAverage3 = (before.value + prev.value + point.value) / 3;
      }
    }
  });
  return { points, breaks };
}

/** Periods of the segment's kind strictly between consecutive values that have no value: the gaps. */
function gapsBetween(valued: TrendPoint[], locale: Locale): string[] {
  const gaps: string[] = [];
  for (let i = 1; i < valued.length; i++) {
    const before = parsePeriod(valued[i - 1]!.period);
    const after = parsePeriod(valued[i]!.period);
    if (!before || !after || before.kind !== 'year' || after.kind !== 'year') {
      if (!follows(valued[i - 1]!.period, valued[i]!.period))
        gaps.push(
          translate(locale, {
            key: 'trends.gap-between',
            params: { from: valued[i - 1]!.period, to: valued[i]!.period },
          }),
        );
      continue;
    }
    for (let y = before.year + 1; y < after.year; y++) gaps.push(String(y));
  }
  return gaps;
}

function noteOf(n: number, gaps: string[], locale: Locale): string | null {
  const parts: string[] = [];
  if (n < 3) parts.push(translate(locale, { key: 'trends.note-few-values', params: { count: n } }));
  if (gaps.length) parts.push(translate(locale, { key: 'trends.note-gaps', params: { gaps: gaps.join(', ') } }));
  return parts.length ? parts.join('; ') : null;
}

/** OLS, Theil–Sen and Mann–Kendall per segment, with change and growth from first to last value. */
export function segmentStatistics(points: TrendPoint[], locale: Locale = 'en'): SegmentStatistics[] {
  const bySegment = new Map<number, TrendPoint[]>();
  for (const p of points) {
    const segment = bySegment.get(p.segment);
    if (segment) segment.push(p);
    else bySegment.set(p.segment, [p]);
  }
  return [...bySegment.values()].map((segmentPoints) => {
    const valued = segmentPoints.filter((p) => p.value !== null);
    const xs = valued.map((p) => periodX(p.period));
    const ys = valued.map((p) => p.value!);
    const first = valued[0];
    const last = valued[valued.length - 1];
    const ols = olsFit(xs, ys);
    const sen = valued.length >= 3 ? theilSen(xs, ys) : null;
    const years = first && last ? periodX(last.period) - periodX(first.period) : 0;
    const gaps = gapsBetween(valued, locale);
    return {
      // The years the statistics cover: a rate series without population for its last years stops earlier.
      from: (first ?? segmentPoints[0]!).period,
      to: (last ?? segmentPoints[segmentPoints.length - 1]!).period,
      n: valued.length,
      ols: ols && {
        slope: ols.slope,
        lower: ols.slopeLower,
        upper: ols.slopeUpper,
        intercept: ols.intercept,
        rSquared: ols.rSquared,
      },
      theilSen: sen && { slope: sen.slope, lower: sen.lower, upper: sen.upper },
      mannKendall: mannKendall(ys),
      medianLevel: ys.length ? median(ys) : null,
      percentChange:
        first && last && valued.length > 1 && first.value !== 0
          ? (100 * (last.value! - first.value!)) / first.value!
          : null,
      cagr:
        first && last && years > 0 && first.value! > 0 && last.value! >= 0
          ? (last.value! / first.value!) ** (1 / years) - 1
          : null,
      gaps,
      note: noteOf(valued.length, gaps, locale),
    };
  });
}
