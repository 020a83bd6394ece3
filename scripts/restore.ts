/**
 * npm run restore -- <backup file>
 * Brings a backup written by npm run backup into DATABASE_URL, which must be empty: a SQLite file that
 * does not exist yet, or a PostgreSQL database without tables. Checks the result (SQLite:
 * integrity_check; PostgreSQL: pg_restore in one transaction, stopping at the first error).
 */
import { readConfig } from '../server/config/config';
import { restoreDatabase } from '../server/db/backup';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <backup file>   (into DATABASE_URL, which must be empty)');
  process.exit(2);
}
const { DATABASE_URL, PG_BIN } = readConfig();
try {
  await restoreDatabase(file, DATABASE_URL, PG_BIN);
  console.log(`restored ${file} into ${DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}`);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
}
