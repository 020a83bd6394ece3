import { Readable } from 'node:stream';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Delimiter } from '../../server/submissions/read/delimiter';
import { type CsvBatch, csvBatches } from '../../server/submissions/read/records';

interface Batch {
  records: string[][];
  rows: number[];
  unterminated: number[];
}

/** How records were read before csvBatches split quote-free chunks itself: papaparse's own stream reading. */
async function papaparseBatches(text: Readable, delimiter: Delimiter): Promise<Batch[]> {
  const batches: Batch[] = [];
  let row = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      header: false,
      chunk(results) {
        const batch: Batch = { records: [], rows: [], unterminated: [] };
        const unterminated = new Set(results.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
        results.data.forEach((fields, i) => {
          row++;
          if (fields.length === 1 && fields[0]!.trim() === '') return;
          batch.records.push(fields);
          batch.rows.push(row);
          if (unterminated.has(i)) batch.unterminated.push(row);
        });
        batches.push(batch);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  return batches;
}

async function batchesOf(text: Readable, delimiter: Delimiter): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const batch of csvBatches(text, delimiter)) {
    const { records, rows, unterminated }: CsvBatch = batch;
    // A blank line's unclosed quote may be listed too; blank lines are no records, so only records' rows count.
    batches.push({ records, rows, unterminated: rows.filter((row) => unterminated?.has(row)) });
  }
  return batches;
}

const token = fc.constantFrom(
  'a',
  'bc',
  'AT',
  '2019',
  ' ',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  '\n',
  '\n',
  '\r\n',
  '\r\n',
  '\r',
  'é',
  '\uFEFF',
  ',,',
  '\n\n',
);
const text = fc.array(token, { maxLength: 120 }).map((t) => t.join(''));
const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t', '|');

/** Cuts text into chunks at the given positions, as a file's text arrives. */
function chunked(whole: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const cut of at) {
    chunks.push(whole.slice(from, cut));
    from = cut;
  }
  chunks.push(whole.slice(from));
  return chunks.filter((c) => c !== '');
}

describe('csv batches', () => {
  it("are what papaparse's stream reading gives, chunk for chunk, quoted or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(fc.nat(), { maxLength: 8 }),
        delimiter,
        fc.boolean(),
        async (whole, cuts, delim, plain) => {
          const input = plain ? whole.replaceAll('"', '') : whole;
          const chunks = chunked(input, cuts);
          expect(await batchesOf(Readable.from(chunks), delim)).toEqual(
            await papaparseBatches(Readable.from(chunks), delim),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("read a file's text stream as papaparse did", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      i % 997 === 5
        ? ''
        : `AT,ICCS0101,${1950 + (i % 70)},${i},${i % 10 ? '' : 'p'},${i % 1000 === 7 ? '"a, quoted ""note"""' : ''}`,
    );
    const whole = `geo,indicator,period,value,flags,note\r\n${lines.join('\r\n')}\r\n`;
    const stream = () =>
      Readable.from([whole.slice(0, 70_000), whole.slice(70_000, 70_001), whole.slice(70_001)], {
        objectMode: false,
        encoding: 'utf8',
      });
    expect(await batchesOf(stream(), ',')).toEqual(await papaparseBatches(stream(), ','));
  });

  it('give an empty file one empty batch, as papaparse did', async () => {
    expect(await batchesOf(Readable.from([]), ',')).toEqual([{ records: [], rows: [], unterminated: [] }]);
    expect(await papaparseBatches(Readable.from([]), ',')).toEqual([{ records: [], rows: [], unterminated: [] }]);
  });
});
