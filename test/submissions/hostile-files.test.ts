import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewSubmission } from '../../server/submissions/pipeline';
import { MAX_RECORD_CHARS } from '../../server/submissions/read/records';
import { bufferSource, fileSource } from '../../server/submissions/read/source';
import { MAX_COLUMNS } from '../../server/submissions/read/table-reader';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/** Issue 15, F4 and the reading items: files whose shape alone is hostile get a clear report, early. */
let database: TestDatabase;
let dir: string;
beforeEach(async () => {
  database = await seededDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'observatory-hostile-'));
});
afterEach(async () => {
  await database.dispose();
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'geo,indicator,period,value,flags,note';
const submit = (text: string | Buffer) =>
  previewSubmission(database.db, {
    geo: 'NL',
    submittedBy: 'test',
    source: bufferSource('f.csv', Buffer.isBuffer(text) ? text : Buffer.from(text)),
  });

/** The adversarial test's file: 45 MB of commas on one line, written in 1 MB pieces. */
async function oneLineOfCommas(megabytes: number): Promise<string> {
  const file = path.join(dir, 'commas.csv');
  const out = createWriteStream(file);
  const piece = Buffer.alloc(1024 * 1024, ',');
  for (let i = 0; i < megabytes; i++)
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return file;
}

describe('hostile shapes', () => {
  it('F4: refuses the 45 MB one-line file with a report naming the row limit, reading no cell', async () => {
    const source = await fileSource(await oneLineOfCommas(45));
    const preview = await previewSubmission(database.db, { geo: 'NL', submittedBy: 'test', source });
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries).toEqual([
      expect.objectContaining({ row: 1, code: 'line-too-long', severity: 'error' }),
    ]);
    expect(preview.report.entries[0]!.message).toContain(`longer than ${MAX_RECORD_CHARS} characters`);
    expect(preview.rowsRead).toBe(0);
  });

  it('F4: refuses a data row over the limit after good rows, naming its row', async () => {
    const rows = [HEADER, 'NL,ICCS0101,2019,120,,', `NL,ICCS0101,2018,119,,"${'x'.repeat(MAX_RECORD_CHARS + 10)}`];
    const preview = await submit(rows.join('\n'));
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries.map((e) => [e.row, e.code])).toContainEqual([3, 'line-too-long']);
  });

  it('F4: refuses a header wider than the column limit', async () => {
    const preview = await submit(`${HEADER}${',x'.repeat(MAX_COLUMNS)}\nNL,ICCS0101,2019,120,,\n`);
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]).toMatchObject({ row: 1, code: 'too-many-columns' });
    expect(preview.report.entries[0]!.message).toContain(`the limit is ${MAX_COLUMNS}`);
  });

  it('reports a file whose lines are separated by U+2028 instead of validating it with 0 cells', async () => {
    const preview = await submit([HEADER, 'NL,ICCS0101,2019,120,,', 'NL,ICCS0101,2018,119,,'].join('\u2028'));
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]).toMatchObject({ code: 'unusual-line-separator' });
    expect(preview.report.entries[0]!.message).toMatch(/U\+2028/);
  });

  it('never validates a header-only file, or one whose rows are all left out', async () => {
    const headerOnly = await submit(`${HEADER}\n`);
    expect(headerOnly.status).toBe('rejected');
    expect(headerOnly.report.entries).toEqual([expect.objectContaining({ code: 'no-cells', severity: 'error' })]);
    const wideAllMissing = await submit('geo,indicator,2019,2020\nNL,ICCS0101,:,\n');
    expect(wideAllMissing.status).toBe('rejected');
    expect(wideAllMissing.report.entries[0]!.message).toMatch(/1 data rows read.*2 empty cells/);
  });
});

describe('honest reading', () => {
  it('reports 1.234 as ambiguous when nothing in its column settles the decimal mark, like 1,234', async () => {
    const alone = await submit([HEADER, 'NL,POLICE_PER_100K,2019,1.234,,', 'NL,POLICE_PER_100K,2018,200,,'].join('\n'));
    expect(alone.status).toBe('rejected');
    expect(alone.report.entries).toEqual([expect.objectContaining({ row: 2, code: 'ambiguous-number' })]);
    expect(alone.report.entries[0]!.message).toMatch(/1234 \(point as thousands separator\) or 1\.234/);
    const commaFile = await submit(
      [HEADER, 'NL,POLICE_PER_100K,2019,"1.234",,', 'NL,POLICE_PER_100K,2018,"12,5",,'].join('\n'),
    );
    expect(commaFile.status).toBe('rejected');
    const settled = await submit(
      [HEADER, 'NL,POLICE_PER_100K,2019,1.234,,', 'NL,POLICE_PER_100K,2018,12.5,,'].join('\n'),
    );
    expect(settled.status).toBe('validated');
  });

  it('does not read a UTF-8 file with one broken byte at its end as Windows-1252: an error names the byte', async () => {
    const text = Buffer.concat([
      Buffer.from(`${HEADER}\nNL,ICCS0101,2019,120,,Schätzung für Straße\nNL,ICCS0101,2018,119,,`),
      Buffer.from([0xc3]),
    ]);
    const preview = await submit(text);
    expect(preview.status).toBe('rejected');
    const entry = preview.report.entries.find((e) => e.code === 'encoding')!;
    expect(entry).toMatchObject({ severity: 'error' });
    expect(entry.message).toContain(`byte ${text.length} (line 3, 0xC3)`);
    expect(preview.reading.encoding).toBe('utf-8');
  });

  it('reads a whole Windows-1252 file as such, and says so with the first non-UTF-8 byte', async () => {
    const preview = await submit(Buffer.from(`${HEADER}\nNL,ICCS0101,2019,120,,Schätzung\n`, 'latin1'));
    expect(preview.status).toBe('validated');
    expect(preview.reading.encoding).toBe('windows-1252');
    const entry = preview.report.entries.find((e) => e.code === 'encoding')!;
    expect(entry.severity).toBe('warning');
    expect(entry.message).toMatch(/first invalid byte: byte \d+ \(line 2, 0xE4\)/);
  });
});
