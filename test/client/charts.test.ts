import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rankBars, renderBarChart } from '../../client/charts/bar-chart';
import {
  quantileClasses,
  renderChoropleth,
  type ChoroplethCell,
  type MapGeometry,
} from '../../client/charts/choropleth';
import { renderLineChart, segments, type PracticeMarker, type TrendSeries } from '../../client/charts/line-chart';
import { renderSparkline } from '../../client/charts/sparkline';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(here, 'fixtures', name), 'utf8')) as T;
const map = JSON.parse(readFileSync(path.join(here, '../../client/map/europe-3035.json'), 'utf8')) as MapGeometry;
const { series, markers } = fixture<{ series: TrendSeries[]; markers: PracticeMarker[] }>('series.json');
const { cells } = fixture<{ cells: ChoroplethCell[] }>('cells.json');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('line chart', () => {
  it('splits a series at a break in series and at a missing value', () => {
    const france = segments(series[0]!.points);
    expect(france.map((run) => run.map((p) => p.year))).toEqual([
      [2011, 2012, 2013],
      [2014, 2015, 2016, 2017, 2018, 2019],
    ]);
    const eu = segments(series[2]!.points);
    expect(eu.map((run) => run[0]!.year)).toEqual([2011, 2013]);
  });

  it('draws no line across the break, hollow tentative points, and the practice marker as a link', async () => {
    const svg = renderLineChart(series, { title: 'Intentional homicide per 100k', yLabel: 'per 100,000', markers });
    const france = svg.slice(svg.indexOf('data-geo="FR"'), svg.indexOf('data-geo="NL"'));
    expect(count(france, /<path d="M[^"]*" fill="none"/g)).toBe(2);
    expect(count(svg, /class="point hollow"/g)).toBe(3);
    expect(svg).toContain('href="/practices/example"');
    expect(svg).toContain('stroke-dasharray="12 4"');
    await expect(svg).toMatchFileSnapshot('__snapshots__/line-chart.svg');
  });

  it('on a log scale leaves out values that are not positive', async () => {
    const withZero: TrendSeries[] = [
      {
        geo: 'XX',
        label: 'Test',
        points: [
          { year: 2010, value: 0, flags: '' },
          { year: 2011, value: 10, flags: '' },
          { year: 2012, value: 100, flags: '' },
        ],
      },
    ];
    expect(
      segments(withZero[0]!.points, 'log')
        .flat()
        .map((p) => p.year),
    ).toEqual([2011, 2012]);
    await expect(renderLineChart(withZero, { title: 'Log', yLabel: 'count', scale: 'log' })).toMatchFileSnapshot(
      '__snapshots__/line-chart-log.svg',
    );
  });
});

describe('choropleth', () => {
  it('puts values in five quantile classes of the values shown', () => {
    const breaks = quantileClasses(cells.flatMap((c) => (c.value === null ? [] : [c.value])));
    expect(breaks.classes).toHaveLength(5);
    expect(breaks.classes[0]!.from).toBe(0.61);
    expect(breaks.classes[4]!.to).toBe(4);
    expect(breaks.colour(4)).toBe(breaks.classes[4]!.colour);
    expect(breaks.colour(0.61)).toBe(breaks.classes[0]!.colour);
  });

  it('hatches geos without data and labels every geo for screen readers', async () => {
    const svg = renderChoropleth(map, cells, { title: 'Intentional homicide per 100k, 2017', measure: 'rate' });
    expect(svg).toMatch(/data-geo="UK" fill="url\(#map-nodata\)"/);
    expect(count(svg, /<path d="M[^"]*" class="geo/g)).toBe(map.features.length);
    expect(svg).toContain('aria-label="Austria: 0.70. Open profile"');
    expect(svg).toContain('aria-label="Sweden: 1.12 (flags p). Open profile"');
    await expect(svg).toMatchFileSnapshot('__snapshots__/choropleth.svg');
  });
});

describe('bar chart and sparkline', () => {
  it('ranks the bars, keeps geos without data last and marks comparability warnings', async () => {
    const rows = cells.map((c) => ({
      geo: c.geo,
      label: c.name,
      value: c.value,
      flags: c.flags,
      warning: c.geo === 'SE' ? 'provisional population' : undefined,
    }));
    expect(rankBars(rows).map((r) => r.geo)).toEqual([
      'LT',
      'FI',
      'SE',
      'FR',
      'NL',
      'DE',
      'PL',
      'AT',
      'ES',
      'IT',
      'UK',
    ]);
    const svg = renderBarChart(rows, {
      title: 'Ranked',
      measure: 'rate',
      aggregate: { label: 'EU27_2020', value: 0.94 },
    });
    expect(svg).toContain('1.12 p ⚠');
    expect(svg).toContain('EU27_2020 0.94');
    await expect(svg).toMatchFileSnapshot('__snapshots__/bar-chart.svg');
  });

  it('draws a sparkline in segments', async () => {
    const svg = renderSparkline(series[0]!.points, { title: 'France' });
    expect(count(svg, /<path /g)).toBe(2);
    await expect(svg).toMatchFileSnapshot('__snapshots__/sparkline.svg');
  });

  it('escapes text from the data', () => {
    const svg = renderBarChart([{ geo: 'XX', label: '<script>alert(1)</script>', value: 1, flags: '' }], {
      title: 'A & B',
      measure: 'count',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('<title>A &amp; B</title>');
  });
});
