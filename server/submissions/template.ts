import { isPreferredVersion } from '../cells/preferred';
import type { DbOrTx } from '../db/database';
import { toCsv } from '../http/csv';
import { CANONICAL_COLUMNS } from './read/read-plan';

/** Columns after the canonical six: read by people, ignored when the file is uploaded again. */
const REFERENCE_COLUMNS = [
  'indicator_name',
  'unit',
  'definition',
  'last_published_period',
  'last_published_value',
] as const;

export const TEMPLATE_COLUMNS = [...CANONICAL_COLUMNS, ...REFERENCE_COLUMNS] as const;

type TemplateRow = Record<(typeof TEMPLATE_COLUMNS)[number], string | number | null>;

/** The year a country's next delivery is for: the last full calendar year. */
export function expectedYear(now: Date): number {
  return now.getUTCFullYear() - 1;
}

/**
 * A country's template: every indicator of the core set with its name, unit and definition; every
 * published cell pre-filled with its value and note; and an empty row for the next expected year,
 * next to the last published value for reference. So a contact point fills in figures instead of
 * typing codes, and sees what each row means. Uploading it unchanged changes nothing.
 */
export async function submissionTemplate(db: DbOrTx, geo: string, now: Date = new Date()): Promise<string> {
  const [indicators, published] = await Promise.all([
    db.selectFrom('indicators').select(['code', 'name', 'unit', 'definition']).orderBy('code').execute(),
    db
      .selectFrom('observations as o')
      .select(['o.indicator', 'o.period', 'o.value', 'o.flags', 'o.note'])
      .where('o.geo', '=', geo)
      .where(isPreferredVersion('o'))
      .orderBy('o.indicator')
      .orderBy('o.period_start')
      .execute(),
  ]);
  const year = String(expectedYear(now));
  const rows: TemplateRow[] = [];
  for (const indicator of indicators) {
    const cells = published.filter((p) => p.indicator === indicator.code);
    const last = cells.at(-1);
    const reference = {
      indicator_name: indicator.name,
      unit: indicator.unit,
      definition: indicator.definition,
      last_published_period: last?.period ?? '',
      last_published_value: last?.value ?? '',
    };
    for (const cell of cells) {
      rows.push({ geo, ...cell, note: cell.note ?? '', ...reference });
    }
    if (!cells.some((c) => c.period === year)) {
      rows.push({ geo, indicator: indicator.code, period: year, value: '', flags: '', note: '', ...reference });
    }
  }
  return toCsv(rows, [...TEMPLATE_COLUMNS]);
}
