import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { engineIndependentTests } from './test/engine-dependent.ts';

// test/pg/** exercises a real PostgreSQL server (concurrent writers, advisory locks): it runs when
// the suite runs on PostgreSQL (npm run test:pg), the same check as test/helpers/postgres-database.ts.
// That run leaves out the tests that never reach a database, and the browser tests: their answer does
// not depend on the engine, and the SQLite run (npm test) has run them (test/engine-dependent.ts).
const onPostgres = /^postgres(ql)?:\/\//i.test(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '');
const sqliteOnly = onPostgres
  ? engineIndependentTests(fileURLToPath(new URL('.', import.meta.url))).map((test) => test.file)
  : ['test/pg/**'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...sqliteOnly],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/client-language.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
