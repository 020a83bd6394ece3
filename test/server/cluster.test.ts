import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/net';
import { seededDatabase, type TestDatabase, testEngine } from '../helpers/database';

// The real server as `npm start` runs it with WORKERS=2: a primary that supervises two processes
// sharing the port, on either engine.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let database: TestDatabase | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    for (const pid of workerPids(child.pid!)) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }
  await database?.dispose();
});

function workerPids(primary: number): number[] {
  try {
    // The primary's other children (tsx's esbuild service) are not workers.
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)], { encoding: 'utf8' }).split(
      '\n',
    );
    return children.filter((line) => line.includes('server/main.ts')).map((line) => Number.parseInt(line.trim(), 10));
  } catch {
    return []; // ps exits 1 when the primary has no children
  }
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Started {
  port: number;
  output: () => string;
  exited: Promise<unknown[]>;
}

async function startCluster(): Promise<Started> {
  database = await seededDatabase();
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.file, PORT: String(port), HOST: '127.0.0.1', WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = once(child, 'exit');
  await until('the server to listen', () => (text.includes(`(${testEngine}, 2 server processes)`) ? true : undefined));
  return { port, output: () => text, exited };
}

describe('several server processes (WORKERS=2)', () => {
  it('serves from two workers, replaces one that dies, and drains both on SIGTERM', { timeout: 120_000 }, async () => {
    const { port, output, exited } = await startCluster();
    const first = workerPids(child!.pid!);
    expect(first).toHaveLength(2);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`http://127.0.0.1:${port}/api/indicators`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));

    process.kill(first[0]!, 'SIGKILL');
    await until('a replacement worker', () => {
      const now = workerPids(child!.pid!);
      return now.length === 2 && !now.includes(first[0]!) ? now : undefined;
    });
    await until('the exit to be logged', () => (/worker \d+ exited \(SIGKILL\)/.test(output()) ? true : undefined));
    await until('the replacement to listen', () =>
      /worker 3 listening, in place of one that exited/.test(output()) ? true : undefined,
    );
    const again = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(again.status).toBe(200);

    child!.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output().match(/^worker \d+: database closed$/gm)).toHaveLength(2);
    expect(output().trimEnd().split('\n').at(-1)).toBe('closed');
  });

  it('stops with exit code 1 when workers keep dying', { timeout: 120_000 }, async () => {
    const { output, exited } = await startCluster();
    for (let killed = 0; killed < 5; killed++) {
      const pids = await until('two workers', () => {
        const now = workerPids(child!.pid!);
        return now.length === 2 ? now : undefined;
      });
      process.kill(pids[0]!, 'SIGKILL');
      await until(`exit ${killed + 1} to be logged`, () =>
        (output().match(/exited \(SIGKILL\)/g) ?? []).length > killed ? true : undefined,
      );
    }
    const [code] = await exited;
    expect(output()).toContain('5 worker exits within 60 s; stopping the server');
    expect(code).toBe(1);
  });
});
