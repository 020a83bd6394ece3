import { Worker } from 'node:worker_threads';
import type { Cell } from './cell';
import { type CellReadJob, type CellReadState, validatedCells } from './cell-reader';
import { CellDecoder, type EncodedCells } from './cell-transfer';
import type { WorkerInput } from './cell-worker';
import { decodedText } from './encoding';
import type { ReportBuilder, ValidationReport } from './report';
import type { SubmissionSource } from './source';

/**
 * Where a file is read and validated:
 * - `thread`: on the calling thread;
 * - `worker`: on a worker thread, so parsing and validating overlap with the caller writing the
 *   cells (two cores at work instead of one; measured on the 1M-row bench file);
 * - `auto`: a worker for files on disk of WORKER_MIN_BYTES or more, where that gain outweighs the
 *   worker's start-up (loading the reader's modules), else the calling thread.
 */
export type ReadingThread = 'auto' | 'thread' | 'worker';

export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/**
 * The worker's heap. Its young generation is capped at 32 MB: measured on the 1M-row bench, no cap
 * read fastest but took the process to 303 MB peak RSS, 16 MB kept 250 MB but slowed the worker by
 * a fifth (more frequent scavenges), 32 MB gives 261-266 MB at 1M and 3M rows with most of the
 * speed. The old generation holds the report and a few batches; a worker over its limit fails the
 * preview with an error, and the preview's transaction rolls back (nothing is staged).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 };

type WorkerMessage =
  | { type: 'cells'; batch: EncodedCells; rowsRead: number }
  | { type: 'done'; report: ValidationReport; state: CellReadState }
  | { type: 'failed'; message: string; stack?: string };

/** Batches of validated cells from `source`; when the last one is taken, `report` and `state` are complete. */
export function readCells(source: SubmissionSource, job: CellReadJob, report: ReportBuilder, state: CellReadState, where: ReadingThread = 'auto'): AsyncGenerator<Cell[]> {
  const inWorker = source.filePath !== undefined && (where === 'worker' || (where === 'auto' && source.byteSize >= WORKER_MIN_BYTES));
  if (!inWorker) return validatedCells(decodedText(source, job.sniffed), job, report, state);
  return cellsFromWorker({ filePath: source.filePath!, job, entriesPerCode: report.perCode }, report, state);
}

async function* cellsFromWorker(input: WorkerInput, report: ReportBuilder, state: CellReadState): AsyncGenerator<Cell[]> {
  // The entry registers tsx first: the worker runs TypeScript the way the server does.
  const worker = new Worker(new URL('./cell-worker-entry.mjs', import.meta.url), { workerData: input, resourceLimits: WORKER_HEAP });
  const inbox = new MessageQueue<WorkerMessage>();
  worker.on('message', (m: WorkerMessage) => inbox.push(m));
  worker.on('error', (error) => inbox.push({ type: 'failed', message: error.message, stack: error.stack }));
  worker.on('exit', (code) => inbox.push({ type: 'failed', message: `The file reader stopped (exit code ${code}) before it finished.` }));
  const decoder = new CellDecoder();
  try {
    for (;;) {
      const message = await inbox.next();
      if (message.type === 'cells') {
        state.rowsRead = message.rowsRead;
        yield decoder.decode(message.batch);
        worker.postMessage({ type: 'credit' });
      } else if (message.type === 'done') {
        report.absorb(message.report);
        Object.assign(state, message.state);
        return;
      } else {
        const failure = new Error(message.message);
        if (message.stack) failure.stack = message.stack;
        throw failure;
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** Messages in arrival order, awaited one at a time. */
class MessageQueue<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | null = null;

  push(item: T): void {
    this.items.push(item);
    this.wake?.();
    this.wake = null;
  }

  async next(): Promise<T> {
    while (!this.items.length) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.items.shift()!;
  }
}
