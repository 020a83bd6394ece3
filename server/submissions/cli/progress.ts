import type { Readable } from 'node:stream';
import type { SubmissionSource } from '../read/source';

/** Files above this size get a progress bar. */
export const PROGRESS_FROM_BYTES = 4 * 1024 * 1024;
const WIDTH = 30;

/** A text progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise. */
export class ProgressBar {
  private lastTenth = -1;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    if (this.out.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && share < 1) return;
      this.lastDraw = now;
      const filled = Math.round(share * WIDTH);
      this.out.write(
        `\r${this.label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)} % ${mb(done)}/${mb(this.total)}`,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${this.label} ${tenth * 10} % (${mb(done)} of ${mb(this.total)})\n`);
    }
  }

  finish(): void {
    this.update(this.total);
    if (this.out.isTTY) this.out.write('\n');
  }
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Wraps a source so that each full read reports its bytes: the first read is the integrity check
 * (hash, encoding), the second the parse.
 */
export function withProgress(
  source: SubmissionSource,
  labels: string[],
): { source: SubmissionSource; done: () => void } {
  let reads = 0;
  let bar: ProgressBar | null = null;
  const wrapped: SubmissionSource = {
    ...source,
    open(): Readable {
      bar?.finish();
      const label = labels[Math.min(reads, labels.length - 1)]!;
      reads++;
      const current = new ProgressBar(label, source.byteSize);
      bar = current;
      let seen = 0;
      const stream = source.open();
      stream.on('data', (chunk: Buffer | string) => {
        seen += chunk.length;
        current.update(seen);
      });
      return stream;
    },
  };
  return { source: wrapped, done: () => bar?.finish() };
}
