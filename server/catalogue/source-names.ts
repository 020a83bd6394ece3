import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SourceSchema } from '../shared/api/sources';
import { DATA_DIR } from './paths';

const Names = z.object({ sources: z.array(SourceSchema.pick({ code: true, publisher: true, dataset: true })) });

let names: Map<string, string> | null = null;

/**
 * A source's name as people read it, "publisher dataset" (e.g. "Eurostat demo_pjan"): proper names, the
 * same in every language. Read once from data/sources.json; a code it lacks is said as it is.
 */
export function sourceName(code: string): string {
  names ??= new Map(
    Names.parse(JSON.parse(readFileSync(path.join(DATA_DIR, 'sources.json'), 'utf8'))).sources.map((s) => [
      s.code,
      `${s.publisher} ${s.dataset}`,
    ]),
  );
  return names.get(code) ?? code;
}
