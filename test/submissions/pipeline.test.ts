import { describe, expect, it } from 'vitest';
import { commitSubmission, SubmissionStateError } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { cellVersions } from '../../server/cells/cell-versions';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const HEADER = 'geo,indicator,period,value,flags,note';

function submit(geo: string, lines: string[], fileName = 'upload.csv') {
  const source = bufferSource(fileName, Buffer.from([HEADER, ...lines].join('\n')));
  return previewSubmission(ctx.db, { geo, submittedBy: 'test', source });
}

/** The cell's preferred current version: the contact point's own once it has one, else Eurostat's. */
async function current(geo: string, indicator: string, period: string) {
  const rows = await ctx.db
    .selectFrom('observations')
    .select(['value', 'flags', 'revision_id', 'source'])
    .where('geo', '=', geo)
    .where('indicator', '=', indicator)
    .where('period', '=', period)
    .execute();
  const row = rows.find((r) => r.source === 'national') ?? rows[0];
  return row && { value: row.value, flags: row.flags, revision_id: row.revision_id };
}

describe('submission preview', () => {
  it('diffs a correction against current data without publishing it', async () => {
    const preview = await submit('AT', [
      'AT,ICCS0101,2017,62,p,corrected',
      'AT,ICCS0101,2018,73,,',
      'AT,ICCS0101,2024,70,p,',
    ]);
    expect(preview.status).toBe('validated');
    expect(preview.diff).toMatchObject({ newCells: 1, changedCells: 1, unchangedCells: 1 });
    // The seed's 2008-2023 (2023 from the 2025 edition) but the two in the file.
    expect(preview.diff!.leftOutCells).toBe(14);
    expect(preview.diff!.changed).toEqual([
      {
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2017',
        old: { value: 61, flags: '' },
        new: { value: 62, flags: 'p' },
      },
    ]);
    expect((await current('AT', 'ICCS0101', '2017'))?.value).toBe(61);
  });

  it('reports each problem with row, column, cell and a fix, and rejects the file', async () => {
    const preview = await submit('AT', [
      'AT,ICCS9999,2017,1,,',
      'XX,ICCS0101,2017,1,,',
      'DE,ICCS0101,2017,1,,',
      'AT,ICCS0101,17,1,,',
      'AT,ICCS0101,1900,1,,',
      'AT,ICCS0101,2016,abc,,',
      'AT,ICCS0101,2015,-4,,',
      'AT,ICCS0101,2014,4,z,',
      'AT,ICCS0101,2013,,,',
      'AT,ICCS0101,2012,=HYPERLINK("x"),,',
      'AT,ICCS0101,2011,5,,',
      'AT,ICCS0101,2011,6,,',
      'AT,ICCS0101,2010,5',
    ]);
    expect(preview.status).toBe('rejected');
    const byCode = Object.fromEntries(preview.report.entries.map((e) => [e.code, e]));
    expect(Object.keys(byCode).sort()).toEqual(
      [
        'unknown-indicator',
        'unknown-geo',
        'geo-not-yours',
        'bad-period',
        'period-out-of-range',
        'not-a-number',
        'negative-count',
        'unknown-flag',
        'missing-without-flag',
        'formula-like-cell',
        'duplicate-cell',
        'wrong-column-count',
        'implausible-change',
      ].sort(),
    );
    expect(byCode['unknown-indicator']).toMatchObject({
      row: 2,
      column: 'indicator',
      cell: 'ICCS9999',
      severity: 'error',
    });
    expect(byCode['not-a-number']).toMatchObject({ row: 7, column: 'value', cell: 'abc' });
    expect(byCode['duplicate-cell']!.message).toContain('row 12');
    expect(preview.diff).toBeNull();
  });

  it('returns the earlier submission for byte-identical content', async () => {
    const lines = ['AT,ICCS0101,2017,62,,'];
    const first = await submit('AT', lines);
    const again = await submit('AT', lines, 'renamed.csv');
    expect(again.submissionId).toBe(first.submissionId);
    expect(again.duplicateOf).toBe(first.submissionId);
  });

  it('reports an empty file and a header-only file', async () => {
    const empty = await previewSubmission(ctx.db, {
      geo: 'AT',
      submittedBy: 't',
      source: bufferSource('e.csv', Buffer.alloc(0)),
    });
    expect(empty.report.entries[0]?.code).toBe('empty-file');
    const headerOnly = await submit('AT', []);
    // A file that yields no cell is never "validated" (issue 15).
    expect(headerOnly.status).toBe('rejected');
    expect(headerOnly.report.entries[0]?.code).toBe('no-cells');
  });
});

describe('submission commit', () => {
  it('adds revisions only for changed cells and keeps the history', async () => {
    const preview = await submit('AT', ['AT,ICCS0101,2017,62,p,', 'AT,ICCS0101,2018,73,,']);
    const before = await current('AT', 'ICCS0101', '2017');
    const result = await commitSubmission(ctx.db, preview.submissionId);
    // Both are the contact point's own figures, new in its source: 2018 equals Eurostat's but is kept as
    // the contact point's (the diff, which says what readers see change, calls it unchanged).
    expect(result.revisionsAdded).toBe(2);
    expect(preview.diff).toMatchObject({ changedCells: 1, unchangedCells: 1 });
    const after = await current('AT', 'ICCS0101', '2017');
    expect(after).toMatchObject({ value: 62, flags: 'p' });
    expect(after!.revision_id).not.toBe(before!.revision_id);
    const history = await ctx.db
      .selectFrom(cellVersions(ctx.db))
      .select(['value', 'flags'])
      .where('geo', '=', 'AT')
      .where('indicator', '=', 'ICCS0101')
      .where('period', '=', '2017')
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { value: 61, flags: '' },
      { value: 62, flags: 'p' },
    ]);
  });

  it('refuses to commit a rejected or already committed submission', async () => {
    const rejected = await submit('AT', ['AT,ICCS0101,2017,abc,,']);
    await expect(commitSubmission(ctx.db, rejected.submissionId)).rejects.toBeInstanceOf(SubmissionStateError);
    const ok = await submit('AT', ['AT,ICCS0101,2017,63,,']);
    await commitSubmission(ctx.db, ok.submissionId);
    await expect(commitSubmission(ctx.db, ok.submissionId)).rejects.toThrow(/committed/);
  });
});
