import { type ChildProcess, spawn } from 'node:child_process';
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
}

export async function load(port: number, pathFor: () => string, duration = DURATION_S): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathFor() }) }],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
