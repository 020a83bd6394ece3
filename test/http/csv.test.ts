import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from '../../server/http/csv';

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(escapeCsvCell(text).startsWith("'"), text).toBe(true);
    }
    expect(escapeCsvCell('Vienna')).toBe('Vienna');
  });
  it('writes numbers as numbers, including negatives', () => {
    expect(escapeCsvCell(-4)).toBe('-4');
    expect(escapeCsvCell(0.7)).toBe('0.7');
    expect(escapeCsvCell(null)).toBe('');
  });
  it('round-trips quotes, commas and newlines', () => {
    const rows = [{ geo: 'AT', note: 'a "quoted", multi\nline note', value: 61 }];
    const parsed = Papa.parse<string[]>(toCsv(rows, ['geo', 'note', 'value']).trim()).data;
    expect(parsed).toEqual([
      ['geo', 'note', 'value'],
      ['AT', 'a "quoted", multi\nline note', '61'],
    ]);
  });
});
