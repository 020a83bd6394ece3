import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

export interface CsvRecord {
  /** 1-based record number in the file (the first record, usually the header, is row 1). */
  row: number;
  fields: string[];
}

/**
 * One chunk's records, kept as papaparse's field arrays with their row numbers beside them: an object
 * per record cost ~50 MB of short-lived garbage on the 1M-row bench.
 */
export interface CsvBatch {
  /** Each record's fields; blank lines are left out. */
  records: string[][];
  /** Each record's 1-based number in the file (the first record, usually the header, is row 1). */
  rows: number[];
  /** Rows of records with a quote papaparse found never closed; null when there are none (nearly always). */
  unterminated: Set<number> | null;
}

/**
 * Streams a text stream's records in batches: papaparse reads the Node stream chunk by chunk and
 * pauses while the consumer works, so the whole file is never in memory. Blank lines are skipped
 * (their numbers still count).
 */
export async function* csvBatches(text: Readable, delimiter: Delimiter): AsyncGenerator<CsvBatch> {
  const queue: CsvBatch[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  let row = 0;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(text as unknown as File, {
    delimiter,
    header: false,
    chunkSize: 256 * 1024,
    chunk(results, p) {
      parser = p;
      queue.push(numbered(results, row));
      row += results.data.length;
      p.pause();
      text.pause();
      notify();
    },
    complete() {
      done = true;
      notify();
    },
    error(error: unknown) {
      failure = error;
      done = true;
      notify();
    },
  });
  for (;;) {
    if (queue.length) {
      yield queue.shift()!;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    if (parser) {
      (parser as Papa.Parser).resume();
      text.resume();
    }
    await woken;
  }
}

/** A chunk's records with their row numbers, `before` being the number of records in earlier chunks. */
function numbered(results: Papa.ParseResult<string[]>, before: number): CsvBatch {
  const { data } = results;
  const rows: number[] = [];
  let records = data;
  for (let i = 0; i < data.length; i++) {
    const fields = data[i]!;
    if (fields.length === 1 && fields[0]!.trim() === '') {
      if (records === data) records = data.slice(0, i);
    } else {
      if (records !== data) records.push(fields);
      rows.push(before + i + 1);
    }
  }
  return { records, rows, unterminated: unterminatedRows(results.errors, before) };
}

function unterminatedRows(errors: Papa.ParseError[], before: number): Set<number> | null {
  let rows: Set<number> | null = null;
  for (const error of errors) {
    if (error.code !== 'MissingQuotes') continue;
    rows ??= new Set();
    // papaparse numbers an error's row within the chunk.
    rows.add(before + (error.row as number) + 1);
  }
  return rows;
}
