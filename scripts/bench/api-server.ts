import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** bench:api's load: 32 connections, 10 s a measure. */
export const CONNECTIONS = 32;
export const DURATION_S = 10;

/** The server as `npm start` runs it (server/main.ts, every default), on a random port on 127.0.0.1. */
export async function startServer(
  file: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../server/main.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: file, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API server exited with code ${code}`)));
    lines.on('line', (line) => {
      const m = /^Crime Prevention Observatory on http:\/\/localhost:(\d+) \((.*)\)$/.exec(line);
      if (!m) return;
      console.log(`server: ${m[2]}`);
      resolve(Number(m[1]));
    });
  });
  return { child, port };
}

export interface LoadResult {
  rps: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Bytes received, headers included. */
  bytes: number;
}

export async function load(
  port: number,
  pathFor: () => string,
  duration = DURATION_S,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration,
    headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathFor() }) }],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: result.throughput.total,
  };
}

/**
 * Each connection asks every path once, in order: every server process (connections are spread over
 * them) then holds every answer, whatever its speed, which a fixed-length random warm-up does not ensure.
 */
export async function askEveryPath(port: number, paths: string[], headers: Record<string, string> = {}): Promise<void> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount: CONNECTIONS * paths.length,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  if (result.non2xx || result.errors)
    throw new Error(`warm-up: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
}

/** CPU seconds used so far by a process and its children (the server's workers), from /proc. */
export function processTreeCpuSeconds(pid: number): number {
  // /proc counts CPU time in clock ticks of USER_HZ, 100 per second on Linux.
  const ticksPerSecond = 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return own + children.reduce((sum, child) => sum + processTreeCpuSeconds(Number(child)), 0);
}
