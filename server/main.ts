import cluster from 'node:cluster';
import { EXIT_CANNOT_LISTEN, StartError, assertPortFree } from './app/port';
import { initialiseDatabase } from './app/startup';
import { runPrimary } from './cluster';
import { type Config, ConfigError, readConfig } from './config/config';
import { isPostgresUrl, type OpenDatabase, openDatabase } from './db/connect';
import { poolSettingsOf } from './db/connect-postgres';
import { serve } from './serve';
import { sweepUploadFolder, uploadFolder } from './http/upload-folder';
import { firstRunAdvice } from './accounts/first-run';

function announce(port: number, engine: string, workers: number): void {
  const processes = workers > 1 ? `, ${workers} server processes` : '';
  console.log(`Crime Prevention Observatory on http://localhost:${port} (${engine}${processes})`);
}

/** An in-memory SQLite database lives in one process only, so it cannot be shared by workers. */
function workersFor(config: Config): number {
  return config.DATABASE_URL === ':memory:' ? 1 : config.WORKERS;
}

async function initialise(config: Config): Promise<OpenDatabase> {
  // What killed processes left of their uploads goes at each start (issue 15).
  const folder = uploadFolder(config.UPLOAD_DIR);
  const swept = await sweepUploadFolder(folder);
  if (swept.removed) console.log(`swept ${swept.removed} leftover uploads (${swept.bytes} bytes) from ${folder}`);
  const database = await openDatabase(config.DATABASE_URL, poolSettingsOf(config));
  const started = Date.now();
  const { migrations, seed } = await initialiseDatabase(database.db);
  if (migrations.length) console.log(`migrated: ${migrations.join(', ')}`);
  if (seed)
    console.log(`seeded: ${seed.submissions} submissions, ${seed.revisions} revisions in ${Date.now() - started} ms`);
  const advice = await firstRunAdvice(database.db);
  if (advice) console.log(advice);
  return database;
}

async function start(config: Config): Promise<void> {
  const engine = isPostgresUrl(config.DATABASE_URL) ? 'postgres' : 'sqlite';
  const workers = workersFor(config);
  if (cluster.isWorker) {
    // Migrations and the seed were run by the primary before it forked this worker.
    const database = await openDatabase(config.DATABASE_URL, poolSettingsOf(config));
    serve({ config, database, label: `worker ${cluster.worker!.id}: ` });
    return;
  }
  await assertPortFree(config.PORT, config.HOST);
  if (workers === 1) {
    const database = await initialise(config);
    const server = serve({
      config,
      database,
      onListening: () => announce((server.address() as { port: number }).port, engine, 1),
    });
    return;
  }
  // The primary only initialises the database and supervises; the workers answer requests.
  await (await initialise(config)).close();
  runPrimary({
    workers,
    cannotListenCode: EXIT_CANNOT_LISTEN,
    onAllListening: ({ port }) => announce(port, engine, workers),
    onStopping: (signal) => console.log(`${signal}: draining requests, then closing the database`),
    onStopped: (exitCode) => {
      console.log('closed');
      process.exit(exitCode);
    },
  });
}

try {
  await start(readConfig());
} catch (error) {
  // What the operator can fix is one line; anything else keeps its stack for the log.
  if (error instanceof ConfigError || error instanceof StartError) console.error(error.message);
  else console.error(error);
  process.exit(1);
}
