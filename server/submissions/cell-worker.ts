/**
 * Worker thread entry: reads and validates one file (see cell-stream.ts) and sorts its cells into
 * encoded parts, while the main thread stores the parts it posts. Messages out: `progress` (rows read
 * so far), `part` (an encoded part, its bytes transferred, not copied), then `done` (the report and
 * what reading found) or `failed`. Messages in: `credit`, one per part the main thread has stored;
 * at most MAX_IN_FLIGHT parts wait unstored, so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CellReadJob, freshReadState, validatedCells } from './cell-reader';
import { decodedText } from './encoding';
import { ReportBuilder } from './report';
import { fileSource } from './source';
import { runsOf } from './staged-run';

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

async function run({ filePath, job, entriesPerCode }: WorkerInput): Promise<void> {
  const report = new ReportBuilder(entriesPerCode);
  const state = freshReadState();
  const text = decodedText(await fileSource(filePath), job.sniffed);
  const progress = () => port.postMessage({ type: 'progress', rowsRead: state.rowsRead });
  for await (const part of runsOf(validatedCells(text, job, report, state), progress)) {
    await creditToSend();
    port.postMessage({ type: 'part', part, rowsRead: state.rowsRead }, [part.bytes.buffer]);
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
