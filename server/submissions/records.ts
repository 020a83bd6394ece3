import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

export interface CsvRecord {
  /** 1-based record number in the file (the first record, usually the header, is row 1). */
  row: number;
  fields: string[];
  /** Papaparse found a quote in this record that is never closed. */
  unterminatedQuote?: boolean;
}

/**
 * Streams a text stream's records in batches: papaparse reads the Node stream chunk by chunk and
 * pauses while the consumer works, so the whole file is never in memory. Blank lines are skipped
 * (their numbers still count).
 */
export async function* csvBatches(text: Readable, delimiter: Delimiter): AsyncGenerator<CsvRecord[]> {
  const queue: CsvRecord[][] = [];
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
      const batch: CsvRecord[] = [];
      const unterminated = new Set(results.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
      results.data.forEach((fields, i) => {
        row++;
        if (fields.length === 1 && fields[0]!.trim() === '') return;
        batch.push(unterminated.has(i) ? { row, fields, unterminatedQuote: true } : { row, fields });
      });
      queue.push(batch);
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
