import { Worker } from 'node:worker_threads';
import { type CellReadJob, type CellReadState, validatedCells } from './cell-reader';
import type { WorkerInput } from './cell-worker';
import { decodedText } from './encoding';
import type { ReportBuilder, ValidationReport } from './report';
import type { SubmissionSource } from './source';
import { type EncodedPart, runsOf } from './staged-run';

/**
 * Where a file is read and validated:
 * - `thread` (the default): on the calling thread, a papaparse chunk (about 10,000 rows) at a time,
 *   so the event loop still serves other requests between chunks;
 * - `worker`: on a worker thread, for a file on disk. Since staged cells are written only once the
 *   file is read (sorted runs, staged-run.ts), a worker overlaps nothing: measured on the 1M-row
 *   bench, it read 0.8 s slower (its start-up, its capped heap) and peaked 60 MB higher. It stays
 *   for a caller that wants a long read off its own thread.
 */
export type ReadingThread = 'thread' | 'worker';

/**
 * The worker's heap. Its young generation is capped at 32 MB: measured on the 1M-row bench, no cap
 * read fastest but took the process to 303 MB peak RSS, 16 MB kept 250 MB but slowed the worker by
 * a fifth (more frequent scavenges), 32 MB gives 261-266 MB at 1M and 3M rows with most of the
 * speed. The old generation holds the report and a few batches; a worker over its limit fails the
 * preview with an error, and the preview's transaction rolls back (nothing is staged).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 };

type WorkerMessage =
  | { type: 'progress'; rowsRead: number }
  | { type: 'part'; part: EncodedPart; rowsRead: number }
  | { type: 'done'; report: ValidationReport; state: CellReadState }
  | { type: 'failed'; message: string; stack?: string };

/**
 * The validated cells of `source` as sorted, encoded parts (staged-run.ts); when the last one is
 * taken, `report` and `state` are complete. `onProgress` hears the rows read as reading goes on.
 */
export function readStagedParts(
  source: SubmissionSource,
  job: CellReadJob,
  report: ReportBuilder,
  state: CellReadState,
  where: ReadingThread = 'thread',
  onProgress?: (rowsRead: number) => void,
): AsyncGenerator<EncodedPart> {
  const inWorker = source.filePath !== undefined && where === 'worker';
  if (!inWorker) return runsOf(validatedCells(decodedText(source, job.sniffed), job, report, state), () => onProgress?.(state.rowsRead));
  return partsFromWorker({ filePath: source.filePath!, job, entriesPerCode: report.perCode }, report, state, onProgress);
}

async function* partsFromWorker(input: WorkerInput, report: ReportBuilder, state: CellReadState, onProgress?: (rowsRead: number) => void): AsyncGenerator<EncodedPart> {
  // The entry registers tsx first: the worker runs TypeScript the way the server does.
  const worker = new Worker(new URL('./cell-worker-entry.mjs', import.meta.url), { workerData: input, resourceLimits: WORKER_HEAP });
  const inbox = new MessageQueue<WorkerMessage>();
  worker.on('message', (m: WorkerMessage) => inbox.push(m));
  worker.on('error', (error) => inbox.push({ type: 'failed', message: error.message, stack: error.stack }));
  worker.on('exit', (code) => inbox.push({ type: 'failed', message: `The file reader stopped (exit code ${code}) before it finished.` }));
  try {
    for (;;) {
      const message = await inbox.next();
      if (message.type === 'progress') {
        state.rowsRead = message.rowsRead;
        onProgress?.(message.rowsRead);
      } else if (message.type === 'part') {
        state.rowsRead = message.rowsRead;
        yield message.part;
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
