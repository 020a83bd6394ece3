import cluster, { type Worker } from 'node:cluster';

/** A worker that dies this many times within the window is not restarted again: something is wrong. */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;
/** Longer than a worker's own drain limit (serve.ts): a worker still running after this is killed. */
const STOP_LIMIT_MS = 12_000;

export interface PrimaryOptions {
  workers: number;
  /** A worker exiting with this code cannot listen (e.g. the port is taken): stop, do not replace it. */
  cannotListenCode: number;
  onAllListening: (address: { port: number }) => void;
  onStopping: (signal: string) => void;
  /** Every worker has exited; `exitCode` is 0 only if each stopped cleanly and none kept crashing. */
  onStopped: (exitCode: number) => void;
}

/**
 * The primary of a multi-process server: forks the workers (which share the listening port),
 * replaces one that crashes, and on SIGINT or SIGTERM passes the signal on, waits for every worker
 * to drain its requests and exit, then reports.
 */
export function runPrimary({ workers, cannotListenCode, onAllListening, onStopping, onStopped }: PrimaryOptions): void {
  // Kept here rather than read from cluster.workers, which drops a worker only after both its
  // 'exit' and 'disconnect' events, in either order.
  const alive = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  const crashes: number[] = [];

  const fork = () => alive.add(cluster.fork());
  cluster.on('listening', (worker, address) => {
    listening += 1;
    if (listening === workers) onAllListening({ port: address.port });
    if (listening > workers) console.log(`worker ${worker.id} listening, in place of one that exited`);
  });
  cluster.on('exit', (worker, code, signal) => {
    alive.delete(worker);
    if (stopping) {
      // A worker still starting when the signal came ends by that signal: it had nothing to drain.
      if (code !== 0 || (signal && signal !== 'SIGTERM')) {
        console.error(`worker ${worker.id} stopped with ${signal ?? `code ${code}`}`);
        exitCode = 1;
      }
      if (alive.size === 0) onStopped(exitCode);
      return;
    }
    if (code === cannotListenCode) {
      // The worker has said why; every replacement would fail the same way.
      stop('SIGTERM', 1);
      return;
    }
    console.error(`worker ${worker.id} exited (${signal ?? `code ${code}`})`);
    if (recordCrash() >= CRASH_LIMIT) {
      console.error(`${CRASH_LIMIT} worker exits within ${CRASH_WINDOW_MS / 1000} s; stopping the server`);
      stop('SIGTERM', 1);
      return;
    }
    fork();
  });

  function recordCrash(): number {
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    return crashes.length;
  }

  function stop(signal: string, code = 0): void {
    if (stopping) {
      // A second signal: the operator will not wait for the drain.
      killAll();
      return;
    }
    stopping = true;
    exitCode = code;
    onStopping(signal);
    if (alive.size === 0) onStopped(exitCode);
    for (const worker of alive) worker.process.kill('SIGTERM');
    setTimeout(killAll, STOP_LIMIT_MS).unref();
  }

  function killAll(): void {
    if (alive.size) console.error(`killing ${alive.size} worker(s) that did not stop`);
    for (const worker of alive) worker.process.kill('SIGKILL');
  }
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < workers; i++) fork();
}
