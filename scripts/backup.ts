/**
 * npm run backup [-- <file>]
 * Writes a consistent copy of the running observatory's database (DATABASE_URL, as the server reads
 * it): SQLite's online backup API, or pg_dump for PostgreSQL. The server may go on serving and
 * committing meanwhile. Default file: var/backups/observatory-<time>.sqlite (or .dump).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../server/config/config';
import { backupDatabase } from '../server/db/backup';
import { isPostgresUrl } from '../server/db/connect';

const { DATABASE_URL, PG_BIN } = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file =
  process.argv[2] ??
  path.join('var', 'backups', `observatory-${stamp}.${isPostgresUrl(DATABASE_URL) ? 'dump' : 'sqlite'}`);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const result = await backupDatabase(DATABASE_URL, file, PG_BIN);
console.log(`backup (${result.engine}): ${result.file}, ${result.bytes} bytes`);
