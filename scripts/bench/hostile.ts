/**
 * npm run bench:hostile
 * Issue 15's hostile files against a real server (server/main.ts, one process, a fresh seeded SQLite
 * file). Two phases, each while NL uploads a one-row file again and again and the public reads
 * /api/compare: DE uploads 45 MB of commas on one line; then the secretariat previews a large valid
 * file (LARGE_ROWS distinct cells for EU28, about 40 MB), which is read, validated and checked
 * without the write lock. Prints the server's peak RSS, how long each upload took, and the worst wait
 * of NL's uploads and of the public reads during it, beside the same requests' waits on the idle
 * server (the floor, measured in the same run). Then 10,000 refused anonymous requests: their answers
 * (401, then 429 once the rate limit is reached), and how much the audit log and the aggregated
 * refusals grew, in rows and bytes. Figures, not pass/fail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { issueToken } from '../../server/accounts/token.service';
import { createUser } from '../../server/accounts/user.service';
import { openSqlite } from '../../server/db/connect';
import { initialiseDatabase } from '../../server/app/startup';
import { insertIndicatorCatalogue } from '../../server/indicators/indicator.repository';
import { BENCH_GEO, benchIndicators, writeBenchCsv } from './ingest-data';

const HOSTILE_MB = 45;
const LARGE_ROWS = 1_000_000;
const REFUSALS = 10_000;

async function prepare(file: string): Promise<{ de: string; nl: string; secretariat: string }> {
  const open = openSqlite(file);
  await initialiseDatabase(open.db);
  // The large file's cells are of synthetic indicators, as in bench:ingest, so that a million distinct cells exist.
  await insertIndicatorCatalogue(open.db, { version: 'bench', themes: [], indicators: benchIndicators() });
  const event = { actor: SYSTEM_ACTOR, ip: 'bench' };
  const tokens: string[] = [];
  for (const [who, role, geos] of [
    ['de', 'contact_point', ['DE']],
    ['nl', 'contact_point', ['NL']],
    ['secretariat', 'secretariat', []],
  ] as const) {
    const user = await createUser(open.db, { email: `${who}@bench.eu`, role, geos: [...geos] }, event);
    tokens.push((await issueToken(open.db, user, 'bench', undefined, event)).token);
  }
  await open.close();
  return { de: tokens[0]!, nl: tokens[1]!, secretariat: tokens[2]! };
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
  const large = path.join(dir, 'large.csv');
  await writeBenchCsv(large, LARGE_ROWS);
  const started = await startServer(dbFile, path.join(dir, 'uploads'));
  server = started.child;
  const base = `http://127.0.0.1:${started.port}`;
  const upload = (token: string, geo: string, body: Uint8Array | string) =>
    fetch(`${base}/api/submissions?geo=${geo}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: body as BodyInit,
    });
  const nlUpload = (n: number) => upload(tokens.nl, 'NL', `${ONE_ROW}${600 + n},,\n`);
  const publicRead = () => fetch(`${base}/api/compare?indicator=ICCS0101&period=2017`);

  // The floor: the same requests on the idle server.
  const idleUploads: number[] = [];
  const idleReads: number[] = [];
  for (let n = 0; n < 20; n++) idleUploads.push(await timed(() => nlUpload(n)));
  for (let n = 0; n < 20; n++) idleReads.push(await timed(publicRead));
  const floors = { uploads: median(idleUploads), reads: median(idleReads) };
  const rssIdle = peakRssMb(server.pid!);
  console.log(`server peak RSS on the idle server: ${rssIdle.toFixed(0)} MB`);

  const phase = async (name: string, send: () => Promise<Response>, first: number) => {
    const started = performance.now();
    const answer = send().then(async (res) => ({ status: res.status, body: await res.json() }));
    const [result, uploads, reads] = await Promise.all([
      answer,
      whileRunning(answer, (n) => nlUpload(first + n)),
      whileRunning(answer, publicRead),
    ]);
    const seconds = (performance.now() - started) / 1000;
    const body = result.body as { status?: string; cellsValid?: number; report?: { entries?: { code: string }[] } };
    const outcome =
      body.status === 'validated' ? `validated, ${body.cellsValid} cells` : body.report?.entries?.[0]?.code;
    console.log(`${name}: answered ${result.status} (${outcome ?? 'none'}) in ${seconds.toFixed(2)} s`);
    console.log(`  server peak RSS so far: ${peakRssMb(server!.pid!).toFixed(0)} MB`);
    console.log(
      `  NL one-row upload during it: worst ${worst(uploads).toFixed(0)} ms of ${uploads.length}; ` +
        `idle median ${floors.uploads.toFixed(0)} ms, ratio ${(worst(uploads) / floors.uploads).toFixed(1)}`,
    );
    console.log(
      `  public read during it: worst ${worst(reads).toFixed(0)} ms of ${reads.length}; ` +
        `idle median ${floors.reads.toFixed(0)} ms, ratio ${(worst(reads) / floors.reads).toFixed(1)}`,
    );
  };
  await phase(
    `hostile file (${HOSTILE_MB} MB of commas on one line)`,
    () => upload(tokens.de, 'DE', new Uint8Array(readFileSync(hostile))),
    100,
  );
  await phase(
    `large valid file (${LARGE_ROWS.toLocaleString('en')} rows, ${(statSync(large).size / 1e6).toFixed(0)} MB)`,
    () => upload(tokens.secretariat, BENCH_GEO, new Uint8Array(readFileSync(large))),
    10_000,
  );

  const count = async () => {
    const open = openSqlite(dbFile);
    try {
      const audit = await open.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const refusals = await open.db.selectFrom('audit_refusals').selectAll().execute();
      const refusalBytes = refusals.reduce(
        (n, r) => n + r.ip.length + r.family.length + r.minute.length + r.first_at.length + r.last_at.length + 8,
        0,
      );
      return { audit: Number(audit.n), refusals: refusals.length, refusalBytes };
    } finally {
      await open.close();
    }
  };
  const sizeOf = () => statSync(dbFile).size + (statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const before = await count();
  const bytesBefore = sizeOf();
  const floodStarted = performance.now();
  const routes = ['/api/submissions?geo=NL', '/api/import-profiles', '/api/tokens', '/api/users'];
  const answers = new Map<number, number>();
  for (let n = 0; n < REFUSALS; n += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        fetch(`${base}${routes[(n + k) % routes.length]}`, { method: 'POST', body: 'x' }).then(async (res) => {
          answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
          await res.arrayBuffer();
        }),
      ),
    );
  }
  const floodSeconds = (performance.now() - floodStarted) / 1000;
  // The rate-limited answers are written when their minute is over: wait for that.
  await sleep(60_000 - (Date.now() % 60_000) + 2_500);
  const after = await count();
  const statuses = [...answers].map(([status, n]) => `${n} × ${status}`).join(', ');
  console.log(
    `${REFUSALS} refused anonymous requests (${statuses}) in ${floodSeconds.toFixed(1)} s: ` +
      `audit_log +${after.audit - before.audit} rows, audit_refusals +${after.refusals - before.refusals} rows ` +
      `(${after.refusalBytes - before.refusalBytes} bytes of fields), database +${((sizeOf() - bytesBefore) / 1024).toFixed(0)} KB`,
  );
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((resolve) => server!.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
