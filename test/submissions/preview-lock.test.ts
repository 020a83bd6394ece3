import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSubmission, type SubmissionPreview } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { testApp } from '../helpers/context';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { canonicalCsv } from '../helpers/publish';
import { contactPoint } from './actors';

/**
 * Issue 15, F4: a long preview does not hold the write lock while it reads and validates. The large
 * preview is held half-way through its file (its progress hook waits), not timed: while it waits,
 * another country's one-row upload and commit, and a public read, must finish.
 */
let database: TestDatabase;
let folder: string;
beforeAll(async () => {
  database = await seededDatabase();
  folder = mkdtempSync(path.join(tmpdir(), 'observatory-preview-lock-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await database.dispose();
});

const COUNTS = ['ICCS0101', 'ICCS0102', 'ICCS0301', 'ICCS0401', 'ICCS0501', 'ICCS0502', 'ICCS0601', 'ICCS0701'];

/**
 * A DE file of `rows` distinct monthly cells (up to 8 × 65 × 12), many papaparse chunks long, so the
 * progress hook is heard well before the end.
 */
function largeFile(rows: number): Buffer {
  const lines = Array.from({ length: rows }, (_, i) => {
    const year = 1960 + (Math.floor(i / COUNTS.length) % 65);
    const month = String(1 + Math.floor(i / (COUNTS.length * 65))).padStart(2, '0');
    return `DE,${COUNTS[i % COUNTS.length]},${year}-${month},${100 + (i % 7)},,`;
  });
  return Buffer.from(canonicalCsv(...lines));
}

/** A gate the held preview waits at; `reached` settles when the preview gets there. */
function gate() {
  let open!: () => void;
  let arrive!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  let first = true;
  const hook = async () => {
    if (!first) return;
    first = false;
    arrive();
    await opened;
  };
  return { hook, reached, open };
}

/** How many submissions a geo has, counted in the database. */
async function submissionsOf(geo: string): Promise<number> {
  const rows = await database.db.selectFrom('submissions').select('id').where('geo', '=', geo).execute();
  return rows.length;
}

/** Ends a held preview should the other work never finish, so that a failing run fails instead of hanging. */
const LIVENESS_GUARD_MS = 15_000;

describe('a preview being read and validated', () => {
  it('lets another country upload and commit one row, and the public read, meanwhile', async () => {
    const held = gate();
    const events: string[] = [];
    const large = previewSubmission(database.db, {
      geo: 'DE',
      submittedBy: 'de@test',
      source: bufferSource('large.csv', largeFile(6_000)),
      stagingFolder: folder,
      onProgress: held.hook,
    }).then((preview) => {
      events.push('large preview done');
      return preview;
    });
    await held.reached;
    const deBefore = await submissionsOf('DE');

    const others = (async () => {
      const nl = testApp(database.db, { config: { UPLOAD_DIR: folder }, resolveActor: () => contactPoint('NL') });
      const upload = await request(nl)
        .post('/api/submissions?geo=NL')
        .type('text/csv')
        .send(canonicalCsv('NL,ICCS0101,2019,4321,,'));
      expect(upload.status).toBe(201);
      expect(upload.body.status).toBe('validated');
      const commit = await request(nl)
        .post(`/api/submissions/${upload.body.submissionId}/commit`)
        .send({ confirm: true });
      expect(commit.status).toBe(200);
      const read = await request(testApp(database.db)).get(
        '/api/observations?indicator=ICCS0101&geo=NL&from=2019&to=2019',
      );
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual([expect.objectContaining({ geo: 'NL', period: '2019', value: 4321 })]);
      events.push('other work done');
    })();
    const guard = setTimeout(held.open, LIVENESS_GUARD_MS);
    try {
      await Promise.race([others, large]);
      // While the large preview waits half-way, nothing of it is in the database, and its staging
      // file sits in a folder the start-up sweep would remove were the process killed now.
      expect(await submissionsOf('DE')).toBe(deBefore);
      expect(readdirSync(folder).some((name) => name.startsWith(`upload-${process.pid}-`))).toBe(true);
    } finally {
      held.open();
      clearTimeout(guard);
    }
    await others;
    const preview: SubmissionPreview = await large;
    expect(events).toEqual(['other work done', 'large preview done']);
    expect(preview.status).toBe('validated');
    expect(preview.cellsValid).toBe(6_000);
    expect(await submissionsOf('DE')).toBe(deBefore + 1);
    const parts = await database.db
      .selectFrom('staged_parts')
      .select((eb) => eb.fn.sum<number | string>('cells').as('cells'))
      .where('submission_id', '=', preview.submissionId)
      .executeTakeFirstOrThrow();
    expect(Number(parts.cells)).toBe(6_000);
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('leaves nothing in the database, nor a staging file, when it fails half-way', async () => {
    const before = await submissionsOf('DE');
    const stagedBefore = await database.db.selectFrom('staged_parts').select('submission_id').execute();
    const failing = previewSubmission(database.db, {
      geo: 'DE',
      submittedBy: 'de@test',
      source: bufferSource('failing.csv', largeFile(6_001)),
      stagingFolder: folder,
      onProgress: () => {
        throw new Error('the reader stopped');
      },
    });
    await expect(failing).rejects.toThrow('the reader stopped');
    expect(await submissionsOf('DE')).toBe(before);
    expect(await database.db.selectFrom('staged_parts').select('submission_id').execute()).toEqual(stagedBefore);
    expect(readdirSync(folder)).toEqual([]);
  });
});
