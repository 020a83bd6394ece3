/**
 * Worker thread entry: reads and validates one file (see cell-stream.ts) while the main thread
 * writes the cells it posts. Messages out: `cells` (an encoded batch and the rows read so far),
 * then `done` (the report and what reading found) or `failed`. Messages in: `credit`, one per batch
 * the main thread has written; at most MAX_IN_FLIGHT batches wait unwritten, so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CellReadJob, freshReadState, validatedCells } from './cell-reader';
import type { Cell } from './cell';
import { CellEncoder } from './cell-transfer';
import { decodedText } from './encoding';
import { ReportBuilder } from './report';
import { fileSource } from './source';

export const MAX_IN_FLIGHT = 3;

export interface WorkerInput {
  filePath: string;
  job: CellReadJob;
  entriesPerCode: number;
}

const port = parentPort!;
let credits = MAX_IN_FLIGHT;
let waiting: (() => void) | null = null;
port.on('message', (message: { type: 'credit' }) => {
  if (message.type !== 'credit') return;
  credits++;
  waiting?.();
  waiting = null;
});

async function creditToSend(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits--;
}

/**
 * The staged table is clustered on (indicator, geo, period, row): a batch written in that order
 * lands in a few runs of neighbouring pages instead of one page per cell.
 */
function byStagedKey(a: Cell, b: Cell): number {
  return compare(a.indicator, b.indicator) || compare(a.geo, b.geo) || compare(a.period, b.period) || a.sourceRow - b.sourceRow;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function run({ filePath, job, entriesPerCode }: WorkerInput): Promise<void> {
  const report = new ReportBuilder(entriesPerCode);
  const state = freshReadState();
  const encoder = new CellEncoder();
  const text = decodedText(await fileSource(filePath), job.sniffed);
  for await (const cells of validatedCells(text, job, report, state)) {
    await creditToSend();
    const batch = encoder.encode(cells.sort(byStagedKey));
    port.postMessage({ type: 'cells', batch, rowsRead: state.rowsRead }, [batch.keys.buffer, batch.values.buffer, batch.present.buffer, batch.rows.buffer]);
  }
  port.postMessage({ type: 'done', report: report.build(), state });
}

run(workerData as WorkerInput).then(
  () => port.close(),
  (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', message: failure.message, stack: failure.stack });
    port.close();
  },
);
