import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineIndependentTests, relativeImports } from '../engine-dependent';

const root = new URL('../../', import.meta.url).pathname;
const independent = engineIndependentTests(root);
const left = (file: string) => independent.find((test) => test.file === file)?.reason;

describe('which tests the PostgreSQL run leaves to the SQLite run', () => {
  it('keeps every test that opens a database through the helpers, and every test/pg test', () => {
    expect(left('test/sources/readers.test.ts')).toBeUndefined();
    expect(left('test/rounds/reminders.test.ts')).toBeUndefined();
    expect(independent.filter((test) => test.file.startsWith('test/pg/'))).toEqual([]);
  });

  it('leaves out pure tests and browser tests, each with its reason', () => {
    expect(left('test/analytics/statistics.test.ts')).toBe('no-database');
    expect(left('test/i18n/catalogues.test.ts')).toBe('no-database');
    expect(left('test/browser/layout.test.ts')).toBe('browser');
    expect(left('test/empact/story.browser.test.ts')).toBe('browser');
  });

  it('leaves out no test whose own source opens a database or starts the app on the engine', () => {
    const opensOne =
      /\b(openSqlite|openPostgres|seededDatabase|emptyDatabase|testApp|useSeededApp|useTestDatabases|createApp|initialiseDatabase)\b/;
    const offenders = independent
      .filter((test) => test.reason === 'no-database' && test.file !== 'test/architecture/engine-dependent.test.ts')
      .filter((test) => opensOne.test(readFileSync(`${root}${test.file}`, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('follows relative imports, with or without an extension', () => {
    const imports = relativeImports(root, 'test/helpers/database.ts');
    expect(imports).toContain('server/db/connect.ts');
    expect(imports).toContain('test/helpers/postgres-database.ts');
  });
});
