import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which test files depend on the database engine, so that `npm run test:pg` runs those (and only
 * those) a second time, on PostgreSQL. A test depends on the engine when it reaches, through its own
 * imports and the test helpers' imports, a module that opens a database: these below. A test that
 * never opens one (pure functions, catalogues, client code, documents) gives the same answer on both
 * engines, so the SQLite run (`npm test`) is its run.
 *
 * Browser tests (test/browser/, and any test that drives Chromium through its harness) open a database
 * too (the server they drive), but what they check is the page: the engine is behind the HTTP API, whose
 * own tests run on both engines. They run on SQLite only.
 */
const OPENS_A_DATABASE = [
  'test/helpers/database.ts',
  'test/helpers/postgres-database.ts',
  'server/db/connect.ts',
  'server/db/connect-postgres.ts',
  'server/db/migrate.ts',
  'server/app/compose.ts',
  'server/app/startup.ts',
];

const ENGINE_INDEPENDENT_FOLDERS = ['test/browser/'];
const BROWSER_HARNESS = 'test/browser/harness.ts';

const IMPORT =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Relative imports of one file, as paths from the repository root (`.ts` added where omitted). */
export function relativeImports(root: string, file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2]!;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    found.push(target.endsWith('.ts') ? target : `${target.replace(/\.js$/, '')}.ts`);
  }
  return found;
}

/** Follows imports inside test/ only: does `file` reach one of `targets`? */
function reaches(root: string, file: string, targets: string[], seen = new Set<string>()): boolean {
  if (targets.includes(file)) return true;
  if (seen.has(file) || !file.startsWith('test/')) return false;
  seen.add(file);
  return relativeImports(root, file).some((target) => reaches(root, target, targets, seen));
}

/** A browser test lives in test/browser/, or drives Chromium through its harness from another folder. */
const isBrowserTest = (root: string, file: string): boolean =>
  ENGINE_INDEPENDENT_FOLDERS.some((folder) => file.startsWith(folder)) || reaches(root, file, [BROWSER_HARNESS]);

function testFiles(root: string, folder = 'test'): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const child = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(root, child);
    return child.endsWith('.test.ts') ? [child] : [];
  });
}

/** Test files that the PostgreSQL run leaves to the SQLite run, with the reason. */
export interface LeftToSqlite {
  file: string;
  reason: 'no-database' | 'browser';
}

export function engineIndependentTests(root: string): LeftToSqlite[] {
  return testFiles(root).flatMap((file): LeftToSqlite[] => {
    if (isBrowserTest(root, file)) return [{ file, reason: 'browser' }];
    return reaches(root, file, OPENS_A_DATABASE) ? [] : [{ file, reason: 'no-database' }];
  });
}
