import { spawn } from 'node:child_process';
import net from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

/** Runs `npm start`'s server entry with the given environment; answers its exit code and output. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    });
  });
}

describe('starting the server', () => {
  for (const workers of ['1', '2']) {
    it(`with WORKERS=${workers}, a port in use is one clear line and exit code 1`, async () => {
      const holder = net.createServer().listen(0, '127.0.0.1');
      await once(holder, 'listening');
      const { port } = holder.address() as net.AddressInfo;
      try {
        const { code, output } = await startServer({ PORT: String(port), HOST: '127.0.0.1', WORKERS: workers });
        expect(code).toBe(1);
        expect(output.trim()).toBe(
          `Port ${port} on 127.0.0.1 is already in use. Stop the other server, or set PORT to a free port (e.g. PORT=3001).`,
        );
      } finally {
        holder.close();
      }
    });
  }

  it('a bad configuration value stops the start with a message naming it, and exit code 1', async () => {
    const { code, output } = await startServer({ APPROVAL_REQUIRED: 'on' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Invalid configuration: APPROVAL_REQUIRED must be true or false (got "on").');
  });
});
