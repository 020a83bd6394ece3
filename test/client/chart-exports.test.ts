import { describe, expect, it } from 'vitest';
import { frameChart } from '../../client/charts/export-frame';
import { renderLineChart, type TrendSeries } from '../../client/charts/line-chart';
import { csvTable, embedSnippet } from '../../client/components/export-meta';
import { tableCsv } from '../../client/components/sortable-table';

const series: TrendSeries[] = [
  {
    geo: 'NL',
    label: 'Netherlands',
    points: [2019, 2020, 2021].map((year, i) => ({ year, value: 0.6 + i / 10, flags: '' })),
  },
];

describe('a downloaded chart says what it is (issue 20)', () => {
  it('frames the chart with title, subtitle, unit, source, licence, data version and the view URL', async () => {
    const chart = renderLineChart(series, { title: 'Homicide', yLabel: 'per 100,000', width: 640, height: 300 });
    const framed = frameChart(
      chart,
      { width: 640, height: 300 },
      {
        title: 'Intentional homicide, per 100,000 inhabitants: Netherlands, 2019–2021',
        subtitle: 'Lines stop at breaks in series',
        unit: 'per 100,000 inhabitants',
        source: 'Eurostat, crim_off_cat',
        licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
        dataVersion: '3 Dec 2026, 00:10 UTC',
        url: 'https://observatory.example/trends?indicator=ICCS0101&geo=NL&a=very-long-address-that-must-wrap-inside-the-image',
      },
    );
    expect(framed.height).toBeGreaterThan(300 + 80);
    for (const part of [
      'Intentional homicide, per 100,000 inhabitants: Netherlands, 2019–2021',
      'Unit: per 100,000 inhabitants',
      'Source: Eurostat, crim_off_cat.',
      'Licence: CC BY 4.0',
      'Data version: 3 Dec 2026, 00:10 UTC',
      'https://observatory.example/trends?indicator=ICCS0101',
    ])
      expect(framed.svg).toContain(part);
    expect(framed.svg).toMatch(/<svg x="0" y="\d+" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 300"/);
    await expect(framed.svg).toMatchFileSnapshot('__snapshots__/chart-export.svg');
  });

  it('adds indicator, unit, period, source, licence and data version columns to a CSV, and escapes the embed', () => {
    const table = {
      caption: 'Map',
      rows: [{ geo: 'NL', value: 0.6 }],
      columns: [
        { key: 'geo', label: 'Country', value: (r: { geo: string }) => r.geo },
        { key: 'value', label: 'Value', value: (r: { value: number }) => r.value },
      ],
    };
    const csv = tableCsv(
      csvTable(
        table,
        {
          title: 't',
          indicator: 'Intentional homicide',
          unit: 'per 100,000 inhabitants',
          period: '2019',
          fileStem: 'm',
        },
        { source: 'Eurostat', licence: 'CC BY 4.0', dataVersion: '2026-12-03T00:10:00.000Z' },
      ),
    );
    expect(csv).toBe(
      'Country,Value,Indicator,Unit,Period,Source,Licence,Data version\r\n' +
        'NL,0.6,Intentional homicide,"per 100,000 inhabitants",2019,Eurostat,CC BY 4.0,2026-12-03T00:10:00.000Z\r\n',
    );
    expect(embedSnippet('https://o.example/embed/trends?geo=NL&measure=count', 'A "chart"')).toBe(
      '<iframe src="https://o.example/embed/trends?geo=NL&amp;measure=count" title="A &quot;chart&quot;" width="100%" height="600" frameborder="0" loading="lazy"></iframe>',
    );
  });
});
