/**
 * npm run bench:hostile
 * Issue 15's hostile file against a real server (server/main.ts, one process, a fresh seeded SQLite
 * file): DE uploads 45 MB of commas on one line while NL uploads a one-row file again and again and
 * the public reads /api/compare. Prints the server's peak RSS before and after, how long the hostile
 * upload took, and the worst wait of NL's uploads and of the public reads during it, beside the same
 * requests' waits on the idle server (the floor, measured in the same run). Then 10,000 refused
 * anonymous requests, and how much the audit log and the aggregated refusals grew. Figures, not pass/fail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { issueToken } from '../../server/accounts/token.service';
import { createUser } from '../../server/accounts/user.service';
import { openSqlite } from '../../server/db/connect';
import { initialiseDatabase } from '../../server/app/startup';

const HOSTILE_MB = 45;
const REFUSALS = 10_000;

async function prepare(file: string): Promise<{ de: string; nl: string }> {
  const open = openSqlite(file);
  await initialiseDatabase(open.db);
  const event = { actor: SYSTEM_ACTOR, ip: 'bench' };
  const tokens: string[] = [];
  for (const geo of ['DE', 'NL']) {
    const user = await createUser(
      open.db,
      { email: `${geo.toLowerCase()}@bench.eu`, role: 'contact_point', geos: [geo] },
      event,
    );
    tokens.push((await issueToken(open.db, user, 'bench', undefined, event)).token);
  }
  await open.close();
  return { de: tokens[0]!, nl: tokens[1]! };
}

async function startServer(file: string, uploads: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../server/main.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: file,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: '1',
      UPLOAD_DIR: uploads,
    },
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    lines.on('line', (line) => {
      const m = /^Crime Prevention Observatory on http:\/\/localhost:(\d+)/.exec(line);
      if (m) resolve(Number(m[1]));
    });
  });
  return { child, port };
}

/** The server's peak resident set so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function writeHostileFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  const piece = Buffer.alloc(1024 * 1024, ',');
  for (let i = 0; i < HOSTILE_MB; i++)
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const ONE_ROW = 'geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,';

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await send();
  await res.arrayBuffer();
  if (res.status >= 500) throw new Error(`a request failed with ${res.status}`);
  return performance.now() - started;
}

/** Sends requests one after another until `until` settles; answers each one's wait in ms. */
async function whileRunning(until: Promise<unknown>, send: (n: number) => Promise<Response>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const waits: number[] = [];
  for (let n = 0; !done; n++) waits.push(await timed(() => send(n)));
  return waits;
}

const worst = (waits: number[]) => Math.max(...waits);
const median = (waits: number[]) => [...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)]!;

const dir = mkdtempSync(path.join(tmpdir(), 'observatory-bench-hostile-'));
let server: ChildProcess | undefined;
try {
  const dbFile = path.join(dir, 'bench.sqlite');
  const tokens = await prepare(dbFile);
  const hostile = path.join(dir, 'commas.csv');
  await writeHostileFile(hostile);
  const started = await startServer(dbFile, path.join(dir, 'uploads'));
  server = started.child;
  const base = `http://127.0.0.1:${started.port}`;
  const upload = (token: string, body: Uint8Array | string) =>
    fetch(`${base}/api/submissions?geo=${token === tokens.de ? 'DE' : 'NL'}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: body as BodyInit,
    });
  const nlUpload = (n: number) => upload(tokens.nl, `${ONE_ROW}${600 + n},,\n`);
  const publicRead = () => fetch(`${base}/api/compare?indicator=ICCS0101&period=2017`);

  // The floor: the same requests on the idle server.
  const idleUploads: number[] = [];
  const idleReads: number[] = [];
  for (let n = 0; n < 20; n++) idleUploads.push(await timed(() => nlUpload(n)));
  for (let n = 0; n < 20; n++) idleReads.push(await timed(publicRead));
  const rssBefore = peakRssMb(server.pid!);

  const hostileStarted = performance.now();
  const hostileAnswer = upload(tokens.de, new Uint8Array(readFileSync(hostile))).then(async (res) => ({
    status: res.status,
    body: await res.json(),
  }));
  const [answer, uploads, reads] = await Promise.all([
    hostileAnswer,
    whileRunning(hostileAnswer, (n) => nlUpload(100 + n)),
    whileRunning(hostileAnswer, publicRead),
  ]);
  const hostileSeconds = (performance.now() - hostileStarted) / 1000;
  const rssAfter = peakRssMb(server.pid!);
  const entry = (answer.body as { report?: { entries?: { code: string }[] } }).report?.entries?.[0]?.code ?? 'none';
  console.log(
    `hostile file: ${HOSTILE_MB} MB of commas on one line, answered ${answer.status} (${entry}) in ${hostileSeconds.toFixed(2)} s`,
  );
  console.log(`server peak RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after the hostile file`);
  console.log(
    `NL one-row upload during it: worst ${worst(uploads).toFixed(0)} ms of ${uploads.length}; idle median ${median(idleUploads).toFixed(0)} ms, ` +
      `ratio ${(worst(uploads) / median(idleUploads)).toFixed(1)}`,
  );
  console.log(
    `public read during it: worst ${worst(reads).toFixed(0)} ms of ${reads.length}; idle median ${median(idleReads).toFixed(0)} ms, ` +
      `ratio ${(worst(reads) / median(idleReads)).toFixed(1)}`,
  );

  const count = async () => {
    const open = openSqlite(dbFile);
    try {
      const audit = await open.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const refusals = await open.db
        .selectFrom('audit_refusals')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return { audit: Number(audit.n), refusals: Number(refusals.n) };
    } finally {
      await open.close();
    }
  };
  const sizeOf = () => statSync(dbFile).size + (statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const before = await count();
  const bytesBefore = sizeOf();
  const floodStarted = performance.now();
  const routes = ['/api/submissions?geo=NL', '/api/import-profiles', '/api/tokens', '/api/users'];
  for (let n = 0; n < REFUSALS; n += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        fetch(`${base}${routes[(n + k) % routes.length]}`, { method: 'POST', body: 'x' }).then((res) =>
          res.arrayBuffer(),
        ),
      ),
    );
  }
  const after = await count();
  console.log(
    `${REFUSALS} refused anonymous requests in ${((performance.now() - floodStarted) / 1000).toFixed(1)} s: ` +
      `audit_log +${after.audit - before.audit} rows, audit_refusals +${after.refusals - before.refusals} rows, ` +
      `database +${((sizeOf() - bytesBefore) / 1024).toFixed(0)} KB`,
  );
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((resolve) => server!.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
