import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

export interface CsvRecord {
  /** 1-based record number in the file (the first record, usually the header, is row 1). */
  row: number;
  fields: string[];
}

/**
 * One chunk's records as field arrays, with their row numbers beside them rather than an object per
 * record (see CellSink in table-reader.ts for what the garbage per row cost).
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
 * Streams a text stream's records in batches, one per chunk of text, pausing the stream while the
 * consumer works, so the whole file is never in memory. Blank lines are skipped (their numbers still
 * count). This is papaparse's stream reading (ReadableStreamStreamer) with the same chunks and results;
 * see ChunkParser for why it is not papaparse's own.
 */
export async function* csvBatches(text: Readable, delimiter: Delimiter): AsyncGenerator<CsvBatch> {
  const queue: CsvBatch[] = [];
  const parser = new ChunkParser(delimiter);
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const detach = () => {
    text.off('data', onData);
    text.off('end', onEnd);
    text.off('error', fail);
  };
  const fail = (error: unknown) => {
    detach();
    failure = error;
    done = true;
    notify();
  };
  const onData = (chunk: string | Buffer) => {
    try {
      queue.push(parser.take(chunk.toString()));
    } catch (error) {
      return fail(error);
    }
    text.pause();
    notify();
  };
  const onEnd = () => {
    detach();
    try {
      queue.push(parser.finish());
    } catch (error) {
      return fail(error);
    }
    done = true;
    notify();
  };
  text.on('data', onData);
  text.on('end', onEnd);
  text.on('error', fail);
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
    text.resume();
    await woken;
  }
}

const QUOTE = '"';

/**
 * The longest record (line) read, in characters: 1 MiB. A record still open past it (a file of one
 * endless line, or a quote never closed) is refused at once, so reading holds at most this much text
 * beyond one chunk, whatever the file's shape.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** A record longer than MAX_RECORD_CHARS: reading stops, and the reader reports it. */
export class RecordTooLongError extends Error {
  constructor(readonly row: number) {
    super(`Row ${row} is longer than ${MAX_RECORD_CHARS} characters.`);
  }
}

type LineEnding = '\n' | '\r\n' | '\r';

interface ParsedChunk {
  data: string[][];
  errors: Papa.ParseError[];
  /** Where the records read end: the rest is an incomplete line, read again with the next chunk. */
  cursor: number;
}

/**
 * Parses text chunk by chunk as papaparse's streamer does: the incomplete last line waits for the next
 * chunk, and the line ending is guessed once, from the first chunk. A chunk with a quote goes to
 * papaparse's parser. A chunk without one is split here with indexOf and slice, which gives what
 * papaparse's own quote-free path (split() per line, then per field) gives in about half the time:
 * papaparse was ~0.55 s of the 1M-row bench's ~1.35 s read.
 */
class ChunkParser {
  private partial = '';
  private newline: LineEnding | null = null;
  /** Records (blank lines included) in earlier chunks. */
  private records = 0;

  constructor(private readonly delimiter: Delimiter) {}

  take(chunk: string): CsvBatch {
    return this.parse(this.partial + chunk, false);
  }

  /** The last line, once the text has ended. */
  finish(): CsvBatch {
    return this.parse(this.partial, true);
  }

  private parse(input: string, last: boolean): CsvBatch {
    this.newline ??= guessLineEnding(input);
    const parsed = input.includes(QUOTE)
      ? parseQuoted(input, this.delimiter, this.newline, last)
      : splitPlain(input, this.delimiter, this.newline, last);
    this.partial = last ? '' : input.substring(parsed.cursor);
    if (this.partial.length > MAX_RECORD_CHARS) throw new RecordTooLongError(this.records + parsed.data.length + 1);
    const batch = numbered(parsed, this.records);
    this.records += parsed.data.length;
    return batch;
  }
}

function parseQuoted(input: string, delimiter: Delimiter, newline: LineEnding, last: boolean): ParsedChunk {
  const results = new Papa.Parser({ delimiter, newline }).parse(input, 0, !last) as Papa.ParseResult<string[]> & {
    meta: { cursor: number };
  };
  return { data: results.data, errors: results.errors, cursor: results.meta.cursor };
}

/**
 * Records of text without quotes, as papaparse's quote-free path reads them: every newline ends a
 * record, every delimiter a field. Unless `last`, the text after the last newline is left unread.
 */
function splitPlain(input: string, delimiter: string, newline: string, last: boolean): ParsedChunk {
  const data: string[][] = [];
  if (input === '') return { data, errors: [], cursor: 0 };
  // The next delimiter at or after the current field; found once per delimiter, so a long run of
  // lines without one is not searched again for every line.
  let nextDelimiter = input.indexOf(delimiter);
  // Fields are gathered here and copied out with slice(): a record array of exactly its fields, like
  // split() gives. Records built by push() from [] had room for 17 fields, and in 3 of 4 bench runs V8
  // then allocated them straight in the old generation (15 full GCs in a run instead of 3).
  const scratch: string[] = [];
  let start = 0;
  for (;;) {
    let end = input.indexOf(newline, start);
    if (end < 0) {
      if (!last) break;
      end = input.length;
    }
    let count = 0;
    let from = start;
    while (nextDelimiter >= 0 && nextDelimiter < end) {
      scratch[count++] = input.slice(from, nextDelimiter);
      from = nextDelimiter + delimiter.length;
      nextDelimiter = input.indexOf(delimiter, from);
    }
    scratch[count++] = input.slice(from, end);
    data.push(scratch.slice(0, count));
    start = end + newline.length;
    if (end === input.length) break;
  }
  return { data, errors: [], cursor: Math.min(start, input.length) };
}

/** papaparse's guess (ParserHandle.guessLineEndings): the line ending of the first chunk, quoted text aside. */
function guessLineEnding(text: string): LineEnding {
  const head = text.substring(0, 1024 * 1024).replace(/"([\s\S]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  const nAppearsFirst = n.length > 1 && n[0]!.length < r[0]!.length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** A chunk's records with their row numbers, `before` being the number of records in earlier chunks. */
function numbered({ data, errors }: ParsedChunk, before: number): CsvBatch {
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
  return { records, rows, unterminated: unterminatedRows(errors, before) };
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
