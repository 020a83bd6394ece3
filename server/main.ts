import { readConfig } from './config';
import { openDatabase } from './db/connect';
import { initialiseDatabase } from './db/initialise';
import { createApp } from './http/app';

const config = readConfig();
const { db, engine, close } = await openDatabase(config.DATABASE_URL);
const started = Date.now();
const { migrations, seed } = await initialiseDatabase(db);
if (migrations.length) console.log(`migrated: ${migrations.join(', ')}`);
if (seed) console.log(`seeded: ${seed.submissions} submissions, ${seed.revisions} revisions in ${Date.now() - started} ms`);

const server = createApp({ db }).listen(config.PORT, config.HOST, () => {
  console.log(`Crime Prevention Observatory on http://localhost:${config.PORT} (${engine})`);
});

let stopping = false;
/** Graceful shutdown: stop accepting, let requests in flight finish, then close the database pool. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: draining requests, then closing the database`);
  setTimeout(() => {
    console.error('shutdown: requests still running after 10 s; exiting anyway');
    process.exit(1);
  }, 10_000).unref();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await drained;
  await close();
  console.log('closed');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
