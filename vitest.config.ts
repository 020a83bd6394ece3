import { configDefaults, defineConfig } from 'vitest/config';

// test/pg/** exercises a real PostgreSQL server (concurrent writers, advisory locks): it runs when
// the suite runs on PostgreSQL (npm run test:pg), the same check as test/helpers/postgres-database.ts.
const onPostgres = /^postgres(ql)?:\/\//i.test(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, 'test/pg/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/client-language.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
