import cluster, { type Worker } from 'node:cluster';

/** A worker that dies this many times within the window is not restarted again: something is wrong. */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;

export interface PrimaryOptions {
  workers: number;
  onAllListening: (address: { port: number }) => void;
  onStopping: (signal: string) => void;
  onStopped: () => void;
}

/**
 * The primary of a multi-process server: forks the workers (which share the listening port),
 * replaces one that crashes, and on SIGINT or SIGTERM passes the signal on, waits for every worker
 * to drain its requests and exit, then exits itself.
 */
export function runPrimary({ workers, onAllListening, onStopping, onStopped }: PrimaryOptions): void {
  let stopping = false;
  let listening = 0;
  const crashes: number[] = [];

  const fork = (): Worker => cluster.fork();
  cluster.on('listening', (worker, address) => {
    listening += 1;
    if (listening === workers) onAllListening({ port: address.port });
    if (listening > workers) console.log(`worker ${worker.id} listening, in place of one that exited`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) onStopped();
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    console.error(`worker ${worker.id} exited (${signal ?? `code ${code}`})`);
    if (crashes.length >= CRASH_LIMIT) {
      console.error(`${crashes.length} worker exits within ${CRASH_WINDOW_MS / 1000} s; stopping the server`);
      stop('SIGTERM', 1);
      return;
    }
    fork();
  });

  function stop(signal: string, exitCode = 0): void {
    if (stopping) return;
    stopping = true;
    onStopping(signal);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (alive.length === 0) onStopped();
    for (const worker of alive) worker.process.kill('SIGTERM');
    process.exitCode = exitCode;
  }
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < workers; i++) fork();
}
