import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RawCell } from './cell';
import type { ReportBuilder } from './report';

/** The observatory's own long format: one row per cell. */
export const CANONICAL_COLUMNS = ['geo', 'indicator', 'period', 'value', 'flags', 'note'] as const;
const REQUIRED = ['geo', 'indicator', 'period', 'value'] as const;

/** Streams records of a UTF-8 CSV text stream with their 1-based record numbers (the header is row 1). */
export async function* csvRecords(text: Readable, delimiter = ','): AsyncGenerator<{ row: number; fields: string[] }> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, header: false });
  text.pipe(parser);
  let row = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    row++;
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    yield { row, fields };
  }
}

/** Reads canonical rows; structural problems (header, column counts) go to the report. */
export async function* readCanonicalCells(text: Readable, report: ReportBuilder): AsyncGenerator<RawCell> {
  let index: Map<string, number> | null = null;
  let width = 0;
  for await (const { row, fields } of csvRecords(text)) {
    if (!index) {
      index = headerIndex(fields);
      width = fields.length;
      const missing = REQUIRED.filter((c) => !index!.has(c));
      if (missing.length) {
        report.error(row, null, fields.join(','), 'missing-header',
          `The header lacks ${missing.join(', ')}. The first row must name the columns: ${CANONICAL_COLUMNS.join(',')}. Download the template from /api/submissions/template?geo=XX.`);
        return;
      }
      continue;
    }
    if (fields.length !== width) {
      report.error(row, null, fields.join(',').slice(0, 200), 'wrong-column-count',
        `Row ${row} has ${fields.length} fields but the header has ${width}. Check for an unquoted comma or a missing field in this row.`);
      continue;
    }
    const at = (name: string) => (index!.has(name) ? fields[index!.get(name)!]!.trim() : '');
    yield {
      row,
      geo: at('geo'),
      indicator: at('indicator'),
      period: at('period'),
      value: at('value'),
      flags: at('flags'),
      note: at('note'),
      columns: { geo: 'geo', indicator: 'indicator', period: 'period', value: 'value', flags: 'flags' },
    };
  }
  if (!index) report.error(null, null, null, 'empty-file', 'The file is empty. Upload a CSV whose first row is the header geo,indicator,period,value,flags,note.');
}

function headerIndex(fields: string[]): Map<string, number> {
  const index = new Map<string, number>();
  fields.forEach((f, i) => index.set(f.trim().toLowerCase().replace(/^\uFEFF/, ''), i));
  return index;
}
