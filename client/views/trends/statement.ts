import type { SegmentStatistics } from '../../../server/shared/api/analytics';
import { formatList, formatNumber } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';

/** A p-value in words a reader can weigh. */
export function pValueText(p: number): string {
  const locale = currentLocale();
  for (const limit of [0.001, 0.01, 0.05])
    if (p < limit) return t('trends.p-below', { limit: formatNumber(limit, locale, { maximumFractionDigits: 3 }) });
  return t('trends.p-not-significant', {
    p: formatNumber(p, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  });
}

/** A number with a true minus sign ("−"), and a leading "+" when asked. */
function signedNumber(x: number, digits: number, plus = false): string {
  const text = formatNumber(Math.abs(x), currentLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${x < 0 ? '−' : x > 0 && plus ? '+' : ''}${text}`;
}

function percent(x: number): string {
  return t('trends.percent', { value: signedNumber(x, Math.abs(x) < 0.1 ? 2 : 1, true) });
}

function number(x: number): string {
  return signedNumber(x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 3);
}

function signed(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x), currentLocale(), { useGrouping: false })}`;
}

function signOf(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** The secondary figure: change from the first to the last value, only when it agrees with the headline. */
function endpoint(segment: SegmentStatistics, direction: number): string[] {
  if (segment.percentChange === null) return [];
  const agrees = direction === 0 || signOf(segment.percentChange) === direction;
  return agrees ? [t('trends.endpoint', { change: percent(segment.percentChange) })] : [];
}

function gapText(segment: SegmentStatistics): string[] {
  return segment.gaps.length
    ? [t('trends.gaps', { years: formatList(segment.gaps.map(String), currentLocale()) })]
    : [];
}

const sentences = (...parts: string[]) => parts.join(' ');

/**
 * One plain-language statement for a segment, in the reader's language. Its direction and size come
 * from the Theil–Sen slope (relative to the segment's median level, with its 95 % interval), the
 * estimate the Mann–Kendall test's significance refers to; when the two disagree in sign there is no
 * clear trend, and why. E.g. "Robbery rose 3.1% of its median level a year in CH, 2008–2022 (Theil–Sen
 * +11.30 a year, 95% CI +4.00 to +17.50; Mann–Kendall S = +48, p < 0.01). First to last value: +20.5%."
 */
export function trendStatement(subject: string, geo: string, segment: SegmentStatistics): string {
  const span = `${segment.from}–${segment.to}`;
  const { theilSen, mannKendall, medianLevel } = segment;
  if (segment.n < 3 || !theilSen || !mannKendall) {
    return sentences(t('trends.too-few', { subject, geo, span, n: segment.n }), ...gapText(segment));
  }
  const test = t('trends.mann-kendall', { s: signed(mannKendall.s), p: pValueText(mannKendall.p) });
  const slope = t('trends.theil-sen', {
    slope: number(theilSen.slope),
    lower: number(theilSen.lower),
    upper: number(theilSen.upper),
  });
  const senSign = signOf(theilSen.slope);
  const mkSign = signOf(mannKendall.s);
  if (senSign !== 0 && mkSign !== 0 && senSign !== mkSign) {
    return sentences(
      t('trends.disagree', { subject, geo, span, slope: number(theilSen.slope), s: signed(mannKendall.s) }),
      ...gapText(segment),
    );
  }
  const relative = medianLevel !== null && medianLevel > 0 ? (100 * theilSen.slope) / medianLevel : null;
  const size =
    relative === null
      ? t('trends.size-absolute', { value: number(Math.abs(theilSen.slope)) })
      : t('trends.size-relative', { value: signedNumber(Math.abs(relative), 1) });
  if (mannKendall.p >= 0.05 || senSign === 0 || mkSign === 0) {
    const drift =
      senSign === 0 ? t('trends.drift-zero') : t('trends.drift', { direction: senSign > 0 ? 'up' : 'down', size });
    return sentences(
      t('trends.no-clear-trend', { subject, geo, span, drift, slope, test }),
      ...endpoint(segment, 0),
      ...gapText(segment),
    );
  }
  return sentences(
    t('trends.moved', { subject, direction: senSign > 0 ? 'up' : 'down', size, geo, span, slope, test }),
    ...endpoint(segment, senSign),
    ...gapText(segment),
  );
}
