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

async function shutdown(signal: string): Promise<void> {
  console.log(`${signal}: closing`);
  server.close(() => void close().then(() => process.exit(0)));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
