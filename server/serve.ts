import type { Server } from 'node:http';
import type { Config } from './config/config';
import type { OpenDatabase } from './db/connect';
import cluster from 'node:cluster';
import { createApp } from './app/compose';
import { EXIT_CANNOT_LISTEN, listenError, StartError } from './app/port';
import { smtpMailer } from './rounds/mailer';
import { scheduleReminders } from './rounds/reminders';

/** How long a stopping server lets requests in flight run before it exits anyway. */
const DRAIN_LIMIT_MS = 10_000;
const REQUEST_TIMEOUT_GRACE_MS = 5_000;

export interface ServeOptions {
  config: Config;
  database: OpenDatabase;
  /** Prefixes this process's log lines ("worker 2: ") when several processes serve. */
  label?: string;
  onListening?: (server: Server) => void;
}

/**
 * Serves the observatory from this process, and stops gracefully on SIGINT or SIGTERM: stop
 * accepting, let requests in flight finish, then close the database pool.
 */
export function serve({ config, database, label = '', onListening }: ServeOptions): Server {
  const server = createApp({ db: database.db, config }).listen(config.PORT, config.HOST, () => onListening?.(server));
  // Node cuts a request still arriving after requestTimeout (300 s) with a bare 408: an upload's own
  // deadline (UPLOAD_TIMEOUT_MS, upload.ts) comes first, so the uploader reads what happened.
  server.requestTimeout = Math.max(server.requestTimeout, config.UPLOAD_TIMEOUT_MS + REQUEST_TIMEOUT_GRACE_MS);
  scheduleReminders(database.db, smtpMailer(config.SMTP_URL, config.PUBLIC_URL), (line) =>
    console.error(`${label}${line}`),
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason = listenError(error, config.PORT, config.HOST);
    console.error(`${label}${reason instanceof StartError ? reason.message : reason.stack}`);
    process.exit(cluster.isWorker ? EXIT_CANNOT_LISTEN : 1);
  });
  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`${label}${signal}: draining requests, then closing the database`);
    setTimeout(() => {
      console.error(`${label}shutdown: requests still running after ${DRAIN_LIMIT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, DRAIN_LIMIT_MS).unref();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await drained;
    await database.close();
    console.log(label ? `${label}database closed` : 'closed');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return server;
}
