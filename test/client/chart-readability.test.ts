import { describe, expect, it } from 'vitest';
import { renderBarChart, type BarRow } from '../../client/charts/bar-chart';
import { LABEL_GAP, lineLayout, renderLineChart, type TrendSeries } from '../../client/charts/line-chart';
import { placeLabels } from '../../client/charts/label-placement';
import { AGGREGATE_STYLE, CATEGORICAL, DASHES, SERIES_WIDTH, seriesStyle } from '../../client/charts/palette';
import { textWidth } from '../../client/charts/text-width';
import { logTicks, yearTicks } from '../../client/charts/ticks';

/** Issue 20, "Readable charts at every width": each defect a reader met, as a test. */

const years = Array.from({ length: 15 }, (_, i) => 2008 + i);
const flat = (geo: string, label: string, end: number, aggregate = false): TrendSeries => ({
  geo,
  label,
  aggregate,
  ...(aggregate ? { shortLabel: 'EU' } : {}),
  points: years.map((year) => ({ year, value: end + (2022 - year) * 0.01, flags: '' })),
});
// Intentional homicide per 100 000 in 2022, as crim_off_cat has them to two decimals: three countries within 0.02.
const close: TrendSeries[] = [
  flat('DE', 'Germany', 0.82),
  flat('NL', 'Netherlands', 0.83),
  flat('PL', 'Poland', 0.81),
  flat('FR', 'France', 1.12),
  flat('IT', 'Italy', 0.55),
  flat('EU27_2020', 'EU27', 0.86, true),
];

/** The y of each end label as drawn (the text after the leader line of each series). */
function endLabelYs(svg: string): Map<string, number> {
  const ys = new Map<string, number>();
  for (const match of svg.matchAll(/<text class="end-label" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]+)<\/text>/g))
    ys.set(match[2]!, Number(match[1]));
  return ys;
}

/** The text of every y-axis tick label (right-aligned texts of the axes group). */
function yTickLabels(svg: string): string[] {
  return [...svg.matchAll(/<text x="58" y="[\d.]+" text-anchor="end">([^<]+)<\/text>/g)].map((m) => m[1]!);
}

function xTickXs(svg: string): number[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">\d{4}<\/text>/g)].map((m) =>
    Number(m[1]),
  );
}

describe('line-end labels never overlap', () => {
  it('pushes DE, NL and PL apart when their last values are within a pixel, and joins each to its line', () => {
    const svg = renderLineChart(close, { title: 'Homicide', yLabel: 'per 100,000', width: 720, height: 380 });
    const ys = [...endLabelYs(svg).values()].sort((a, b) => a - b);
    expect(ys).toHaveLength(6);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(LABEL_GAP - 0.01);
    expect((svg.match(/class="leader"/g) ?? []).length).toBe(6);
  });

  it('keeps labels apart and inside the plot on a phone, and says "EU", not the group code', () => {
    const options = { title: 'Homicide', yLabel: 'per 100,000', width: 320, height: 300 };
    const svg = renderLineChart(close, options);
    const layout = lineLayout(close, options);
    const ys = [...endLabelYs(svg).values()].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(LABEL_GAP - 0.01);
    expect(Math.max(...ys)).toBeLessThanOrEqual(layout.height - layout.margin.bottom + 4);
    expect(endLabelYs(svg).has('EU')).toBe(true);
    expect(endLabelYs(svg).has('EU27_2020')).toBe(false);
  });

  it('places more labels than fit without overlap, stacking from the top', () => {
    const wishes = Array.from({ length: 10 }, (_, i) => ({ key: `G${i}`, y: 50 }));
    const placed = [...placeLabels(wishes, { top: 0, bottom: 60, gap: 14 }).values()].sort((a, b) => a - b);
    for (let i = 1; i < placed.length; i++) expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual(14);
  });
});

describe('log axes are labelled 1-2-5', () => {
  it('labels no minor tick such as 9, 8 or 7 million', () => {
    // Offences recorded in Germany (about 5.3 to 6.4 million a year): the axis spans one decade.
    const series: TrendSeries[] = [
      {
        geo: 'DE',
        label: 'Germany',
        points: years.map((year, i) => ({ year, value: 6_400_000 - i * 75_000, flags: '' })),
      },
    ];
    const svg = renderLineChart(series, { title: 'Offences', yLabel: 'count', scale: 'log' });
    const labels = yTickLabels(svg);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(label, `tick ${label}`).toMatch(/^[125](0*|\.\d+)?[KkMm]?$/);
  });

  it('gives 1, 2 and 5 times powers of ten, fewer when the axis is short', () => {
    expect(logTicks(1, 1000, 12)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks(1, 1000, 4)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(0.1, 10, 7)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
  });
});

describe('axis ticks thin out with width', () => {
  it('labels every 5th year on a 320 px phone chart, each label clear of the next', () => {
    const series = [flat('DE', 'Germany', 1)];
    const svg = renderLineChart(series, { title: 'Homicide', yLabel: 'per 100,000', width: 320, height: 300 });
    const xs = xTickXs(svg);
    expect(xs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(textWidth('2019', 12) + 6);
    expect(yearTicks(years, 220)).toEqual([2010, 2015, 2020]);
    expect(yearTicks(years, 800)).toEqual(years);
  });
});

describe("Compare's small multiples do not clip their values", () => {
  it('keeps every value label and the EU label inside the chart', () => {
    const rows: BarRow[] = [
      { geo: 'DE', label: 'Germany', value: 5_432_101, flags: 'p', warning: 'break in series' },
      { geo: 'FR', label: 'France', value: 4_210_000, flags: '' },
      { geo: 'MT', label: 'Malta', value: 12_345, flags: 'e' },
    ];
    const width = 300;
    const svg = renderBarChart(rows, {
      title: 'Offences, 2021',
      measure: 'count',
      compact: true,
      width,
      aggregate: { label: 'EU', value: 5_300_000 },
    });
    const texts = [
      ...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+"( text-anchor="end")?[^>]*font-size="9">([^<]+)<\/text>/g),
    ];
    const values = texts.filter((m) => !m[2]);
    expect(values.length).toBe(4);
    for (const [, x, , content] of values)
      expect(Number(x) + textWidth(content!, 9), content).toBeLessThanOrEqual(width);
  });
});

describe('the EU line is distinct from every country line', () => {
  const hue = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
    return Math.max(r, g, b) - Math.min(r, g, b);
  };

  it('whatever the number of countries: no country is neutral, as thick or dashed like the EU', () => {
    expect(hue(AGGREGATE_STYLE.colour)).toBe(0);
    for (let i = 0; i < 24; i++) {
      const style = seriesStyle(i);
      expect(hue(style.colour), `country ${i} (${style.colour}) has a hue`).toBeGreaterThanOrEqual(0.3);
      expect(style.dash).not.toBe(AGGREGATE_STYLE.dash);
    }
    expect(CATEGORICAL).not.toContain('#000000');
    expect(DASHES).not.toContain(AGGREGATE_STYLE.dash);
    expect(AGGREGATE_STYLE.width).toBeGreaterThanOrEqual(SERIES_WIDTH * 1.5);
  });

  it('draws Spain (the 7th country) and the EU differently, the EU on a white casing and labelled in bold', () => {
    const geos = ['DE', 'FR', 'IT', 'NL', 'PL', 'AT', 'ES'];
    const series = [...geos.map((g, i) => flat(g, g, 1 + i * 0.2)), flat('EU27_2020', 'EU27', 1.1, true)];
    const svg = renderLineChart(series, { title: 'Homicide', yLabel: 'per 100,000' });
    const group = (geo: string) => svg.slice(svg.indexOf(`data-geo="${geo}"`)).split('</g>')[0]!;
    const spain = group('ES');
    const eu = group('EU27_2020');
    const strokeOf = (g: string) => g.match(/stroke="(#[0-9a-fA-F]{6})" stroke-width="([\d.]+)"/)!;
    expect(strokeOf(spain)[1]).not.toBe('#000000');
    expect(eu).toContain('stroke="#ffffff" stroke-width="6"');
    expect(eu).toContain(`stroke-dasharray="${AGGREGATE_STYLE.dash}"`);
    expect(eu).toMatch(/font-weight="700">EU<\/text>/);
  });
});
