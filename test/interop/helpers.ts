import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import type { Db } from '../../server/db/database';

/** A GET whose body is kept as text whatever its type (supertest parses only what it knows). */
export function getText(app: Express, url: string, accept?: string) {
  const req = request(app)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(null, body));
    });
  return accept === undefined ? req : req.set('Accept', accept);
}

/** Commits a correction for one geo through the real submission pipeline, at `now`. */
export async function correct(db: Db, geo: string, lines: string[], now: Date) {
  const source = bufferSource(
    'correction.csv',
    Buffer.from(['geo,indicator,period,value,flags,note', ...lines].join('\n')),
  );
  const preview = await previewSubmission(db, { geo, submittedBy: 'test', source }, now);
  expect(preview.status).toBe('validated');
  return commitSubmission(db, preview.submissionId, now);
}

/** The SDMX error code of an SDMX-ML error message. */
export function errorCode(xml: string): string | undefined {
  return /<mes:ErrorMessage code="(\d+)"/.exec(xml)?.[1];
}
