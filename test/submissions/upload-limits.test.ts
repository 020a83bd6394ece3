import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../server/http/actor';
import type { Config } from '../../server/config/config';
import type { Actor } from '../../server/http/actor';
import { testApp } from '../helpers/context';
import { sweepUploadFolder } from '../../server/http/upload-folder';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { contactPoint } from './actors';

/** Issue 15, F5 and F6 and the upload's lower-severity items: every upload ends, and leaves nothing behind. */
let database: TestDatabase;
let folder: string;
/** The app as configured for these tests: uploads go to this file's own folder. */
function appFor(actor: Actor, config: Partial<Config> = {}) {
  return testApp(database.db, { config: { UPLOAD_DIR: folder, ...config }, resolveActor: () => actor });
}

beforeAll(async () => {
  database = await seededDatabase();
  folder = mkdtempSync(path.join(tmpdir(), 'observatory-upload-test-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await database.dispose();
});

const CSV = 'geo,indicator,period,value,flags,note\nNL,ICCS0101,2019,120,,\n';

/** Waits (within the test's timeout) until `ready` holds: no figure is asserted about how long it takes. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(20);
}

async function listen(app: ReturnType<typeof testApp>): Promise<{ server: Server; port: number }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as net.AddressInfo).port };
}

describe('upload content types', () => {
  it('F5: answers an upload sent as application/json with 415 saying what to send', async () => {
    const res = await request(appFor(contactPoint('NL')))
      .post('/api/submissions?geo=NL')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ csv: CSV }))
      .timeout(10_000);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported-media-type' });
    expect(res.body.error.message).toMatch(/multipart\/form-data.*text\/csv/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('F5: a body that is not JSON at all, labelled JSON, is answered the same way', async () => {
    const res = await request(appFor(contactPoint('NL')))
      .post('/api/submissions?geo=NL')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(CSV)
      .timeout(10_000);
    expect(res.status).toBe(415);
  });

  it('reads any other type as the file, e.g. a form-encoded body from curl --data-binary', async () => {
    const res = await request(appFor(contactPoint('NL')))
      .post('/api/submissions?geo=NL')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(CSV);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('validated');
  });
});

describe('the size limit', () => {
  /** A canonical CSV of exactly `bytes` bytes (the note pads it). */
  function csvOf(bytes: number): string {
    const head = 'geo,indicator,period,value,flags,note\nNL,ICCS0101,2018,121,,';
    return `${head + 'n'.repeat(bytes - head.length - 1)}\n`;
  }

  it('means the same for multipart and raw bodies: exactly the limit is read, one byte more refused', async () => {
    {
      const app = appFor(contactPoint('NL'), { SUBMISSION_MAX_BYTES: 1500 });
      const exact = csvOf(1500);
      expect(Buffer.byteLength(exact)).toBe(1500);
      const raw = await request(app).post('/api/submissions?geo=NL').type('text/csv').send(exact);
      expect(raw.status).toBe(201);
      const multipart = await request(app)
        .post('/api/submissions?geo=NL')
        .attach('file', Buffer.from(exact), 'exact.csv');
      expect([200, 201]).toContain(multipart.status);
      const over = csvOf(1501);
      expect((await request(app).post('/api/submissions?geo=NL').type('text/csv').send(over)).status).toBe(413);
      expect(
        (await request(app).post('/api/submissions?geo=NL').attach('file', Buffer.from(over), 'over.csv')).status,
      ).toBe(413);
    }
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('uploads that do not end well', () => {
  it('F6: a multipart upload the client aborts leaves no temporary file', async () => {
    const { server, port } = await listen(appFor(contactPoint('NL')));
    try {
      const socket = net.connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const boundary = 'hostile-boundary';
      socket.write(
        [
          'POST /api/submissions?geo=NL HTTP/1.1',
          'Host: localhost',
          `Content-Type: multipart/form-data; boundary=${boundary}`,
          'Content-Length: 10000000',
          '',
          `--${boundary}`,
          'Content-Disposition: form-data; name="file"; filename="big.csv"',
          'Content-Type: text/csv',
          '',
          CSV.repeat(200),
        ].join('\r\n'),
      );
      await until(() => readdirSync(folder).length > 0);
      socket.destroy();
      await until(() => readdirSync(folder).length === 0);
    } finally {
      server.close();
    }
  });

  it('F6: a start sweeps what dead processes left, and keeps the uploads of live ones', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftover = path.join(folder, `upload-${dead}-abcdef`);
    mkdirSync(leftover);
    writeFileSync(path.join(leftover, 'upload.bin'), Buffer.alloc(4096));
    writeFileSync(path.join(folder, 'stray.bin'), 'x');
    const live = path.join(folder, `upload-${process.pid}-ghijkl`);
    mkdirSync(live);
    const swept = await sweepUploadFolder(folder);
    expect(swept).toEqual({ removed: 2, bytes: 4097 });
    expect(readdirSync(folder)).toEqual([path.basename(live)]);
    rmSync(live, { recursive: true });
  });

  it('closes the connection of a refused slow body right after the answer', async () => {
    const app = appFor(ANONYMOUS);
    const { server, port } = await listen(app);
    try {
      const socket = net.connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        [
          'POST /api/submissions?geo=NL HTTP/1.1',
          'Host: localhost',
          'Content-Type: text/csv',
          'Content-Length: 1000000',
          '',
          CSV,
        ].join('\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      // The client sends nothing more: the server must end the connection itself.
      await once(socket, 'close');
      expect(answer).toMatch(/^HTTP\/1\.1 401/);
      expect(answer).toMatch(/connection: close/i);
    } finally {
      server.close();
    }
  });
});

/** Sends `head` and `body` on a raw connection, then waits until the server closes it; answers what it said. */
async function answerAfterClose(
  port: number,
  head: string[],
  body: string,
  keepSending?: (socket: net.Socket) => void,
): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write([...head, '', body].join('\r\n'));
  keepSending?.(socket);
  // The client never finishes its body: only the server can end the connection.
  await once(socket, 'close');
  return answer;
}

const uploadHead = (type: string, length: number) => [
  'POST /api/submissions?geo=NL HTTP/1.1',
  'Host: localhost',
  `Content-Type: ${type}`,
  `Content-Length: ${length}`,
];

describe('slow and refused bodies', () => {
  it('refuses an accepted upload whose body stalls, with 408, and closes its connection', async () => {
    const { server, port } = await listen(appFor(contactPoint('NL'), { UPLOAD_IDLE_TIMEOUT_MS: 200 }));
    try {
      const answer = await answerAfterClose(port, uploadHead('text/csv', 100_000), CSV);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toMatch(/connection: close/i);
      expect(answer).toContain('"code":"upload-too-slow"');
      expect(answer).toContain('no part of the body arrived for 0.2 s.');
      await until(() => readdirSync(folder).length === 0);
    } finally {
      server.close();
    }
  });

  it('refuses a multipart upload that keeps trickling past the whole-body limit, with 408', async () => {
    const app = appFor(contactPoint('NL'), { UPLOAD_IDLE_TIMEOUT_MS: 60_000, UPLOAD_TIMEOUT_MS: 300 });
    const { server, port } = await listen(app);
    let trickle: NodeJS.Timeout | undefined;
    try {
      const boundary = 'slow-boundary';
      const head = uploadHead(`multipart/form-data; boundary=${boundary}`, 1_000_000);
      const part = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="slow.csv"', '', CSV];
      const answer = await answerAfterClose(port, head, part.join('\r\n'), (socket) => {
        trickle = setInterval(() => socket.write('NL,ICCS0101,2019,120,,\n'), 20);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('the body took longer than the limit of 0.3 s.');
      await until(() => readdirSync(folder).length === 0);
    } finally {
      clearInterval(trickle);
      server.close();
    }
  });

  it('closes the connection right after a 413 or a 415 instead of reading the rest of the body', async () => {
    const { server, port } = await listen(appFor(contactPoint('NL'), { SUBMISSION_MAX_BYTES: 1000 }));
    try {
      const declared = await answerAfterClose(port, uploadHead('text/csv', 1_000_000), CSV);
      expect(declared).toMatch(/^HTTP\/1\.1 413[\s\S]*connection: close/i);
      const over = await answerAfterClose(port, uploadHead('text/csv', 60_000), CSV.repeat(40));
      expect(over).toMatch(/^HTTP\/1\.1 413[\s\S]*connection: close/i);
      const json = await answerAfterClose(port, uploadHead('application/json', 1_000_000), '{"csv": "');
      expect(json).toMatch(/^HTTP\/1\.1 415[\s\S]*connection: close/i);
      await until(() => readdirSync(folder).length === 0);
    } finally {
      server.close();
    }
  });
});

describe('headers', () => {
  it('no-store on answers for a signed-in user, a Permissions-Policy on every answer', async () => {
    const signedIn = await request(appFor(contactPoint('NL'))).get('/api/submissions?geo=NL');
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const refused = await request(appFor(contactPoint('NL'))).get('/api/audit');
    expect(refused.headers['cache-control']).toBe('no-store');
    const anonymous = await request(testApp(database.db, { config: { UPLOAD_DIR: folder } })).get('/api/indicators');
    expect(anonymous.headers['cache-control'] ?? '').not.toBe('no-store');
    expect(anonymous.headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\)/);
  });
});
