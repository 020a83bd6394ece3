import { describe, expect, it } from 'vitest';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { stagedColumns } from '../helpers/staged';
import { cellVersions } from '../../server/cells/cell-versions';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const HEADER = 'geo,indicator,period,value,flags,note';

function submit(bytes: Buffer | string, geo = 'AT') {
  const source = bufferSource('upload.csv', typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  return previewSubmission(ctx.db, { geo, submittedBy: 'test', source });
}

const codes = (p: Awaited<ReturnType<typeof submit>>) => p.report.entries.map((e) => e.code);

async function publishedCount(): Promise<number> {
  const r = await ctx.db
    .selectFrom(cellVersions(ctx.db))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('bad input gets a report, never an exception or a partial write', () => {
  it('refuses a PNG as a binary file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const preview = await submit(png);
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]).toMatchObject({ code: 'unreadable-file', severity: 'error' });
    expect(preview.report.entries[0]!.message).toMatch(/PNG/);
  });

  it('reports an unterminated quote and rows with too many or too few columns', async () => {
    const before = await publishedCount();
    const preview = await submit(
      [
        HEADER,
        'AT,ICCS0101,2019,1,,,extra',
        'AT,ICCS0101,2018',
        'AT,ICCS0101,2017,5,,"never closed',
        'AT,ICCS0101,2016,5,,',
      ].join('\n'),
    );
    expect(preview.status).toBe('rejected');
    const wrong = preview.report.entries.filter((e) => e.code === 'wrong-column-count');
    expect(wrong.map((e) => e.row)).toEqual([2, 3]);
    expect(wrong[0]!.message).toMatch(/7 fields but the header has 6/);
    const quote = preview.report.entries.filter((e) => e.code === 'unterminated-quote');
    expect(quote.map((e) => e.row)).toEqual([4]);
    expect(quote[0]!.message).toMatch(/never closed/);
    expect(await publishedCount()).toBe(before);
  });

  it('refuses formula cells such as =HYPERLINK(...)', async () => {
    const preview = await submit(`${HEADER}\nAT,ICCS0101,2019,"=HYPERLINK(""http://x"",""y"")",,`);
    expect(codes(preview)).toEqual(['formula-like-cell']);
  });

  it('reports a 1 MB single line without choking', async () => {
    const line = 'x'.repeat(1024 * 1024);
    const alone = await submit(line);
    expect(alone.status).toBe('rejected');
    expect(codes(alone)).toEqual(['missing-header']);
    expect(alone.report.entries[0]!.cell!.length).toBeLessThan(300);
    const inFile = await submit(`${HEADER}\n${line}\n`);
    expect(codes(inFile)).toEqual(['wrong-column-count']);
  });

  it('reports an ambiguous 1,234 unless another row of the column settles it', async () => {
    const ambiguous = await submit(`${HEADER}\nAT,ICCS0101,2019,"1,234",,`);
    expect(codes(ambiguous)).toEqual(['ambiguous-number']);
    expect(ambiguous.report.entries[0]!.message).toMatch(/1234.*1\.234/);
    const settled = await submit(`${HEADER}\nAT,ICCS0502,2019,"1,234",,\nAT,ICCS0502,2020,"1,234,567",,`);
    expect(settled.status).toBe('validated');
  });

  it('reports a Eurostat TSV whose key no profile reads', async () => {
    const preview = await submit('freq,sex,geo\\TIME_PERIOD\t2020 \nA,T,AT\t5 \n');
    expect(codes(preview)).toEqual(['missing-header']);
    expect(preview.report.entries[0]!.message).toMatch(/freq,sex,geo.*POST \/api\/import-profiles/);
  });
});

describe('sniffing', () => {
  it('reads UTF-16 with a BOM', async () => {
    const text = `${HEADER}\nAT,ICCS0101,2019,75,,Zählung\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await submit(bytes);
    expect(preview.reading.encoding).toBe('utf-16le');
    expect(preview.status).toBe('validated');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and reads ; with decimal commas', async () => {
    // Decimals only where the indicator is not a count (a fractional count is an error: issue 15).
    const text =
      'geo;indicator;period;value;flags;note\nAT;SAFE_CRIME_AREA;2019;75,5;e;Schätzung §1\nAT;POLICE_PER_100K;2018;"1.234,5";;\n';
    const bytes = Buffer.from(text, 'latin1');
    const preview = await submit(bytes);
    expect(preview.reading).toMatchObject({ encoding: 'windows-1252', delimiter: '";"' });
    expect(preview.status).toBe('validated');
    const staged = await stagedColumns(ctx.db, preview.submissionId, ['period', 'value', 'note']);
    expect(staged).toEqual([
      { period: '2018', value: 1234.5, note: null },
      { period: '2019', value: 75.5, note: 'Schätzung §1' },
    ]);
  });

  it('reads a wide table with one column per year and "value flag" cells', async () => {
    const preview = await submit('geo,indicator,2019,2020,2021\nAT,ICCS0101,70 p,:,65\n');
    expect(preview.reading.format).toBe('wide');
    expect(preview.cellsValid).toBe(2);
    expect(preview.reading.skipped.missing).toBe(1);
    const staged = await stagedColumns(ctx.db, preview.submissionId, ['period', 'value', 'flags']);
    expect(staged).toEqual([
      { period: '2019', value: 70, flags: 'p' },
      { period: '2021', value: 65, flags: '' },
    ]);
  });

  it('refuses a wide table whose two columns name the same period, pointing at the repeated header', async () => {
    const preview = await submit('geo,indicator,2019,2020,2019\nAT,ICCS0101,70,71,72\n');
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries).toEqual([
      expect.objectContaining({ row: 1, column: '2019', code: 'duplicate-column', severity: 'error' }),
    ]);
    expect(preview.report.entries[0]!.message).toContain('both hold period 2019');
    const staged = await stagedColumns(ctx.db, preview.submissionId, ['period']);
    expect(staged).toEqual([]);
  });

  it('reports a cell repeated thousands of times once per conflicting row, dropping identical repeats', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `AT,ICCS0101,2019,${[5, 6, 7][i % 3]},,`);
    const preview = await submit(`${HEADER}\n${rows.join('\n')}\n`);
    expect(preview.status).toBe('rejected');
    const conflicts = preview.report.entries.filter((e) => e.code === 'duplicate-cell');
    // Rows 2, 3 and 4 hold 5, 6 and 7; every later row repeats one of them exactly and is dropped.
    expect(conflicts.map((e) => [e.row, e.cell])).toEqual([
      [3, '6'],
      [4, '7'],
    ]);
    expect(conflicts[0]!.message).toContain('already appears in row 2');
    expect(preview.report.errorCount).toBe(2);
    // Year-on-year checks compare a repeated cell's first row only: 5 against the published 2018 figure.
    expect(preview.report.entries.filter((e) => e.code === 'implausible-change').map((e) => e.row)).toEqual([2]);
  });

  it('counts every conflicting value of a cell repeated with 30,000 different values, listing the first 100 rows', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `AT,ICCS0101,2019,${i},,`);
    const preview = await submit(`${HEADER}\n${rows.join('\n')}\n`);
    expect(preview.status).toBe('rejected');
    const conflicts = preview.report.entries.filter((e) => e.code === 'duplicate-cell');
    expect(conflicts.map((e) => e.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 3));
    expect(preview.report.omitted['duplicate-cell']).toBe(29_999 - 100);
    expect(preview.report.errorCount).toBe(29_999);
  });
});
