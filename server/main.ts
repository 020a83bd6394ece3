import cluster from 'node:cluster';
import { type Config, readConfig } from './config';
import { isPostgresUrl, type OpenDatabase, openDatabase } from './db/connect';
import { initialiseDatabase } from './db/initialise';
import { runPrimary } from './cluster';
import { serve } from './serve';
import { sweepUploadFolder, uploadFolder } from './submissions/upload-folder';

const config = readConfig();

function announce(port: number, engine: string, workers: number): void {
  const processes = workers > 1 ? `, ${workers} server processes` : '';
  console.log(`Crime Prevention Observatory on http://localhost:${port} (${engine}${processes})`);
}

/** An in-memory SQLite database lives in one process only, so it cannot be shared by workers. */
function workersFor(config: Config): number {
  return config.DATABASE_URL === ':memory:' ? 1 : config.WORKERS;
}

async function initialise(): Promise<OpenDatabase> {
  // What killed processes left of their uploads goes at each start (issue 15).
  const swept = await sweepUploadFolder();
  if (swept.removed) console.log(`swept ${swept.removed} leftover uploads (${swept.bytes} bytes) from ${uploadFolder()}`);
  const database = await openDatabase(config.DATABASE_URL);
  const started = Date.now();
  const { migrations, seed } = await initialiseDatabase(database.db);
  if (migrations.length) console.log(`migrated: ${migrations.join(', ')}`);
  if (seed) console.log(`seeded: ${seed.submissions} submissions, ${seed.revisions} revisions in ${Date.now() - started} ms`);
  return database;
}

const engine = isPostgresUrl(config.DATABASE_URL) ? 'postgres' : 'sqlite';
const workers = workersFor(config);
if (cluster.isWorker) {
  // Migrations and the seed were run by the primary before it forked this worker.
  const database = await openDatabase(config.DATABASE_URL);
  serve({ config, database, label: `worker ${cluster.worker!.id}: ` });
} else if (workers === 1) {
  const database = await initialise();
  const server = serve({ config, database, onListening: () => announce((server.address() as { port: number }).port, engine, 1) });
} else {
  // The primary only initialises the database and supervises; the workers answer requests.
  await (await initialise()).close();
  runPrimary({
    workers,
    onAllListening: ({ port }) => announce(port, engine, workers),
    onStopping: (signal) => console.log(`${signal}: draining requests, then closing the database`),
    onStopped: (exitCode) => {
      console.log('closed');
      process.exit(exitCode);
    },
  });
}
