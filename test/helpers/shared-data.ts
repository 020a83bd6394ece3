import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the project: the real public files tests check against. */
export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export function sharedDataPath(relative: string): string {
  const file = path.join(SHARED_DATA, relative);
  if (!existsSync(file)) {
    throw new Error(
      `Test input missing: ${file}. The tests read the real public data in ../shared/data (see data/README.md).`,
    );
  }
  return file;
}

export function readSharedData(relative: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(sharedDataPath(relative), encoding);
}
