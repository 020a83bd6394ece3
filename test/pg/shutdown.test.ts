import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/net';
import { seededDatabase, type TestDatabase } from '../helpers/database';

// The real server process on PostgreSQL, stopped with SIGTERM while a request is still arriving.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let database: TestDatabase;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await database.dispose();
});

/** Resolves once the child's output contains `text`; `output()` returns everything so far. */
function watchOutput(process: ChildProcess) {
  let text = '';
  const waiters: { needle: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of waiters.filter((w) => text.includes(w.needle))) w.resolve();
  };
  process.stdout!.on('data', onData);
  process.stderr!.on('data', onData);
  const ended = once(process, 'exit').then(([code]) => {
    throw new Error(`the server exited (code ${code}) before saying the expected; its output:\n${text}`);
  });
  ended.catch(() => undefined);
  return {
    output: () => text,
    waitFor: (needle: string) =>
      Promise.race([
        new Promise<void>((resolve) => (text.includes(needle) ? resolve() : waiters.push({ needle, resolve }))),
        ended,
      ]),
  };
}

describe('PostgreSQL: graceful shutdown', () => {
  it.each(['1', '2'])(
    'finishes the request in flight, then closes the pool and exits cleanly (WORKERS=%s)',
    { timeout: 90_000 },
    async (workers) => {
      database = await seededDatabase();
      const port = await freePort();
      // node itself with tsx's loader (not the tsx CLI wrapper), so the signal reaches the server.
      child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.file, PORT: String(port), HOST: '127.0.0.1', WORKERS: workers },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = watchOutput(child);
      const exited = once(child, 'exit');
      await log.waitFor('Crime Prevention Observatory on');

      // A request whose body is only half sent when the signal arrives.
      const socket = net.connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const body = JSON.stringify({ note: 'arriving slowly' });
      socket.write(`POST /api/no-such-route HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`);
      socket.write(`Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
      const response = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
      });

      child.kill('SIGTERM');
      await log.waitFor('draining requests');
      // The request in flight holds the pool open.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(log.output()).not.toMatch(/^closed$/m);
      expect(child.exitCode).toBeNull();

      socket.end(body.slice(10));
      expect(await response).toMatch(/^HTTP\/1\.1 404 /);
      const [code] = await exited;
      expect(code).toBe(0);
      // The pool closed only after the request was answered, and the process then exited on its own.
      expect(log.output()).toMatch(/draining requests, then closing the database\n(.*\n)*closed\n/);
    },
  );
});
