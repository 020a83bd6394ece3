import { describe, expect, it } from 'vitest';
import { sortRows, tableCsv, type Column } from '../../client/components/sortable-table';
import { indexSeries } from '../../client/views/trends/series';
import { rankCells } from '../../client/views/explore/state';

interface Row {
  geo: string;
  value: number | null;
}
const columns: Column<Row>[] = [
  { key: 'geo', label: 'Geo', value: (r) => r.geo },
  { key: 'value', label: 'Value', value: (r) => r.value, numeric: true },
];

describe('tables', () => {
  it('sorts numbers numerically and keeps empty values last in both directions', () => {
    const rows: Row[] = [
      { geo: 'A', value: 10 },
      { geo: 'B', value: null },
      { geo: 'C', value: 9 },
      { geo: 'D', value: 100 },
    ];
    expect(sortRows(rows, columns[1]!, false).map((r) => r.geo)).toEqual(['C', 'A', 'D', 'B']);
    expect(sortRows(rows, columns[1]!, true).map((r) => r.geo)).toEqual(['D', 'A', 'C', 'B']);
  });

  it('writes the CSV of what the table shows, escaped against formula injection', () => {
    const csv = tableCsv({
      caption: 'x',
      columns,
      rows: [
        { geo: '=HYPERLINK("x")', value: -1.5 },
        { geo: 'a,b', value: null },
      ],
    });
    expect(csv).toBe('Geo,Value\r\n"\'=HYPERLINK(""x"")",-1.5\r\n"a,b",\r\n');
  });
});

describe('series helpers', () => {
  it('indexes each series to 100 in the base year and leaves out series without a base value', () => {
    const { indexed, left } = indexSeries(
      [
        {
          geo: 'NL',
          label: 'NL',
          points: [
            { year: 2015, value: 2, flags: '' },
            { year: 2016, value: 3, flags: 'p' },
          ],
        },
        {
          geo: 'DE',
          label: 'DE',
          points: [
            { year: 2015, value: null, flags: '' },
            { year: 2016, value: 3, flags: '' },
          ],
        },
      ],
      2015,
    );
    expect(indexed[0]!.points).toEqual([
      { year: 2015, value: 100, flags: '' },
      { year: 2016, value: 150, flags: 'p' },
    ]);
    expect(left).toEqual(['DE']);
  });

  it('ranks the countries of a year, highest first, without ranking missing values', () => {
    const obs = [
      { geo: 'AT', period: '2017', value: 0.7, flags: '' },
      { geo: 'DE', period: '2017', value: 0.89, flags: '' },
      { geo: 'DE', period: '2018', value: 0.95, flags: '' },
    ] as Parameters<typeof rankCells>[1];
    const cells = rankCells(
      [
        { code: 'AT', name: 'Austria' },
        { code: 'DE', name: 'Germany' },
        { code: 'UK', name: 'UK' },
      ],
      obs,
      2017,
    );
    expect(cells.map((c) => [c.geo, c.rank, c.of])).toEqual([
      ['AT', 2, 2],
      ['DE', 1, 2],
      ['UK', null, 2],
    ]);
  });
});

describe('upload wording', () => {
  it('names delimiters and sizes in words', async () => {
    const { delimiterName } = await import('../../client/views/upload/report');
    const { sizeText } = await import('../../client/views/upload/state');
    expect(['","', '";"', 'tab', '"|"'].map(delimiterName)).toEqual([
      'comma-delimited',
      'semicolon-delimited',
      'tab-delimited',
      'pipe-delimited',
    ]);
    expect([120, 52_000, 31_000_000].map(sizeText)).toEqual(['120 bytes', '51 KB', '29.6 MB']);
  });
});
