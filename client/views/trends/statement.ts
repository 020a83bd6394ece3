import type { SegmentStatistics } from '../../../server/shared/api/analytics';

/** A p-value in words a reader can weigh. */
export function pValueText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return 'p < 0.01';
  if (p < 0.05) return 'p < 0.05';
  return `p = ${p.toFixed(2)}, not significant`;
}

function percent(x: number): string {
  const digits = Math.abs(x) < 0.1 ? 2 : 1;
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}%`;
}

function number(x: number): string {
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 3;
  return `${x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

function signed(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x)}`;
}

function signOf(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** The secondary figure: change from the first to the last value, only when it agrees with the headline. */
function endpoint(segment: SegmentStatistics, direction: number): string {
  if (segment.percentChange === null) return '';
  const agrees = direction === 0 || signOf(segment.percentChange) === direction;
  return agrees ? ` First to last value: ${percent(segment.percentChange)}.` : '';
}

function gapText(segment: SegmentStatistics): string {
  return segment.gaps.length ? ` ${segment.gaps.join(', ')} missing: fitted across the gap.` : '';
}

/**
 * One plain-language statement for a segment. Its direction and size come from the Theil–Sen slope
 * (relative to the segment's median level, with its 95 % interval), the estimate the Mann–Kendall
 * test's significance refers to; when the two disagree in sign there is no clear trend, and why.
 * E.g. "Robbery rose 3.1% of its median level a year in CH, 2008–2022 (Theil–Sen +11.30 a year,
 * 95% CI +4.00 to +17.50; Mann–Kendall S = +48, p < 0.01). First to last value: +20.5%."
 */
export function trendStatement(subject: string, geo: string, segment: SegmentStatistics): string {
  const span = `${segment.from}–${segment.to}`;
  const { theilSen, mannKendall, medianLevel } = segment;
  if (segment.n < 3 || !theilSen || !mannKendall) {
    return `${subject} in ${geo}, ${span}: too few years (${segment.n}) for a trend.${gapText(segment)}`;
  }
  const test = `Mann–Kendall S = ${signed(mannKendall.s)}, ${pValueText(mannKendall.p)}`;
  const slope = `Theil–Sen ${number(theilSen.slope)} a year, 95% CI ${number(theilSen.lower)} to ${number(theilSen.upper)}`;
  const senSign = signOf(theilSen.slope);
  const mkSign = signOf(mannKendall.s);
  if (senSign !== 0 && mkSign !== 0 && senSign !== mkSign) {
    return `${subject} in ${geo}, ${span}: no clear trend: the Theil–Sen slope (${number(theilSen.slope)} a year) and Mann–Kendall S (${signed(mannKendall.s)}) disagree in sign.${gapText(segment)}`;
  }
  const relative = medianLevel !== null && medianLevel > 0 ? (100 * theilSen.slope) / medianLevel : null;
  const size =
    relative === null
      ? `${number(Math.abs(theilSen.slope))} a year`
      : `${Math.abs(relative).toFixed(1)}% of its median level a year`;
  if (mannKendall.p >= 0.05 || senSign === 0 || mkSign === 0) {
    const drift = senSign === 0 ? 'Theil–Sen slope 0' : `${senSign > 0 ? 'up' : 'down'} ${size}`;
    return `${subject} in ${geo}, ${span}: no clear trend (${drift}; ${slope}; ${test}).${endpoint(segment, 0)}${gapText(segment)}`;
  }
  return `${subject} ${senSign > 0 ? 'rose' : 'fell'} ${size} in ${geo}, ${span} (${slope}; ${test}).${endpoint(segment, senSign)}${gapText(segment)}`;
}
