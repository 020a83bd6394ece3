import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadingThread } from '../../server/submissions/cell-stream';
import { previewSubmission } from '../../server/submissions/pipeline';
import { ReportBuilder } from '../../server/submissions/report';
import { fileSource } from '../../server/submissions/source';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { sharedDataPath } from '../helpers/shared-data';
import { stagedRows } from '../helpers/staged';

let database: TestDatabase;
beforeEach(async () => {
  database = await seededDatabase();
});
afterEach(async () => database.dispose());

async function preview(file: string, geo: string, profile: string | null, reading: ReadingThread) {
  const source = await fileSource(sharedDataPath(file));
  const result = await previewSubmission(database.db, { geo, profile, submittedBy: `test-${reading}`, source, reading });
  const staged = await stagedRows(database.db, result.submissionId);
  return { result, staged };
}

describe('reading a file on a worker thread', () => {
  it.each([
    ['eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'AT', null],
    ['bka-pks/ZR-F-01-T01-Faelle_csv.csv', 'DE', 'de-bka-pks-faelle'],
  ])('gives %s the same report, reading summary, diff and staged cells as the calling thread', async (file, geo, profile) => {
    const inThread = await preview(file, geo, profile, 'thread');
    // Uploading the same bytes again for the same geo would return the first submission: read into a fresh database.
    await database.dispose();
    database = await seededDatabase();
    const inWorker = await preview(file, geo, profile, 'worker');
    expect(inWorker.result.duplicateOf).toBeNull();
    expect(inWorker.result.status).toBe(inThread.result.status);
    expect(inWorker.result.rowsRead).toBe(inThread.result.rowsRead);
    expect(inWorker.result.cellsValid).toBe(inThread.result.cellsValid);
    expect(inWorker.result.reading).toEqual(inThread.result.reading);
    expect(inWorker.result.report).toEqual(inThread.result.report);
    expect(inWorker.result.diff).toEqual(inThread.result.diff);
    expect(inWorker.staged.length).toBeGreaterThan(200);
    expect(inWorker.staged).toEqual(inThread.staged);
  });
});

describe('a report absorbed from another thread', () => {
  it('keeps the listing limit per code and the totals, listed or not', () => {
    const worker = new ReportBuilder(2);
    for (let row = 2; row < 7; row++) worker.error(row, 'value', 'x', 'not-a-number', 'Write a number.');
    worker.warning(9, 'value', '5', 'implausible-change', 'Check the figure.');
    const main = new ReportBuilder(2);
    main.absorb(worker.build());
    main.warning(10, 'value', '6', 'implausible-change', 'Check the figure.');
    main.warning(11, 'value', '7', 'implausible-change', 'Check the figure.');
    const built = main.build();
    expect(built.errorCount).toBe(5);
    expect(built.warningCount).toBe(3);
    expect(built.entries.map((e) => e.row)).toEqual([2, 3, 9, 10]);
    expect(built.omitted).toEqual({ 'not-a-number': 3, 'implausible-change': 1 });
    expect(built.valid).toBe(false);
  });
});
