import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import type { DbOrTx } from '../db/database';
import { empactDb } from './empact.table';

const Source = z.object({ title: z.string().min(10), url: z.url() });

const CycleEntry = z.object({
  code: z.string().regex(/^\d{4}-\d{4}$/),
  title: z.string().min(3),
  startYear: z.number().int(),
  endYear: z.number().int(),
  planYears: z.number().int().min(1).max(4),
  source: z.string(),
  priorities: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]{3,40}$/),
        name: z.string().min(3),
        description: z.string(),
        indicators: z.array(z.string()),
      }),
    )
    .min(1),
  chsgs: z.array(z.object({ number: z.number().int().min(1).max(20), title: z.string().min(3), source: z.string() })),
  results: z.array(
    z.object({
      year: z.number().int(),
      measure: z.string().regex(/^[a-z0-9_]+$/),
      label: z.string(),
      value: z.number(),
      unit: z.string(),
      qualifier: z.enum(['exact', 'over']),
      source: z.string(),
    }),
  ),
});

export const EmpactCatalogue = z.object({ sources: z.record(z.string(), Source), cycles: z.array(CycleEntry) });
export type EmpactCatalogue = z.infer<typeof EmpactCatalogue>;

export const EMPACT_CATALOGUE_FILE = path.join(DATA_DIR, 'empact/cycles.json');

/** Reads data/empact/cycles.json and checks that every source it cites is listed. */
export function loadEmpactCatalogue(file = EMPACT_CATALOGUE_FILE): EmpactCatalogue {
  const catalogue = EmpactCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const cycle of catalogue.cycles) {
    const cited = [cycle.source, ...cycle.chsgs.map((c) => c.source), ...cycle.results.map((r) => r.source)];
    for (const key of cited) {
      if (!catalogue.sources[key]) throw new Error(`${file}: cycle ${cycle.code} cites unknown source "${key}"`);
    }
  }
  return catalogue;
}

const cite = (catalogue: EmpactCatalogue, key: string) => {
  const source = catalogue.sources[key]!;
  return `${source.title} (${source.url})`;
};

/**
 * Adds what the database lacks: cycles, priorities, CHSGs, results and indicator links, keyed by
 * their codes. Rows already present (perhaps corrected by the secretariat) are left as they are.
 */
export async function syncEmpactCatalogue(db: DbOrTx, catalogue = loadEmpactCatalogue()): Promise<void> {
  const edb = empactDb(db);
  const indicators = new Set((await db.selectFrom('indicators').select('code').execute()).map((i) => i.code));
  for (const cycle of catalogue.cycles) {
    const known = await edb
      .selectFrom('empact_cycles')
      .select('code')
      .where('code', '=', cycle.code)
      .executeTakeFirst();
    if (!known) {
      await edb
        .insertInto('empact_cycles')
        .values({
          code: cycle.code,
          title: cycle.title,
          start_year: cycle.startYear,
          end_year: cycle.endYear,
          plan_years: cycle.planYears,
          source: cite(catalogue, cycle.source),
        })
        .execute();
    }
    for (const [index, priority] of cycle.priorities.entries()) {
      let row = await edb
        .selectFrom('empact_priorities')
        .select(['id', 'description'])
        .where('cycle', '=', cycle.code)
        .where('code', '=', priority.code)
        .executeTakeFirst();
      if (!row) {
        row = await edb
          .insertInto('empact_priorities')
          .values({
            cycle: cycle.code,
            code: priority.code,
            number: index + 1,
            name: priority.name,
            description: priority.description,
          })
          .returning(['id', 'description'])
          .executeTakeFirstOrThrow();
      } else if (!row.description) {
        // The tag migration created the 2022–2025 priorities without their descriptions.
        await edb
          .updateTable('empact_priorities')
          .set({ description: priority.description })
          .where('id', '=', row.id)
          .execute();
      }
      const linked = new Set(
        (
          await edb
            .selectFrom('empact_priority_indicators')
            .select('indicator')
            .where('priority_id', '=', row.id)
            .execute()
        ).map((l) => l.indicator),
      );
      const missing = priority.indicators.filter((code) => indicators.has(code) && !linked.has(code));
      if (missing.length) {
        await edb
          .insertInto('empact_priority_indicators')
          .values(missing.map((indicator) => ({ priority_id: row.id, indicator })))
          .execute();
      }
    }
    await syncChsgsAndResults(edb, catalogue, cycle);
  }
}

async function syncChsgsAndResults(
  edb: ReturnType<typeof empactDb>,
  catalogue: EmpactCatalogue,
  cycle: EmpactCatalogue['cycles'][number],
) {
  for (const chsg of cycle.chsgs) {
    const known = await edb
      .selectFrom('empact_chsgs')
      .select('id')
      .where('cycle', '=', cycle.code)
      .where('number', '=', chsg.number)
      .executeTakeFirst();
    if (!known) {
      await edb
        .insertInto('empact_chsgs')
        .values({ cycle: cycle.code, number: chsg.number, title: chsg.title, source: cite(catalogue, chsg.source) })
        .execute();
    }
  }
  for (const result of cycle.results) {
    const known = await edb
      .selectFrom('empact_results')
      .select('id')
      .where('cycle', '=', cycle.code)
      .where('year', '=', result.year)
      .where('measure', '=', result.measure)
      .executeTakeFirst();
    if (known) continue;
    const source = catalogue.sources[result.source]!;
    await edb
      .insertInto('empact_results')
      .values({
        cycle: cycle.code,
        year: result.year,
        measure: result.measure,
        label: result.label,
        value: result.value,
        unit: result.unit,
        qualifier: result.qualifier,
        source: source.title,
        source_url: source.url,
      })
      .execute();
  }
}
