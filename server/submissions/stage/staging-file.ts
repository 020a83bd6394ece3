import { type FileHandle, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { newUploadDirectory } from '../../http/upload-folder';
import { decodePart, type StagedPart } from './staged-part';
import type { EncodedPart } from './staged-run';

/** Where the cells of a submission's runs can be read from, part by part, in run order. */
export interface PartSource {
  /** How many parts each run has. */
  readonly runs: readonly number[];
  load(run: number, part: number): Promise<StagedPart>;
}

interface PartPlace {
  cells: number;
  at: number;
  length: number;
}

/**
 * A preview's encoded parts, written to a private file while the upload is read and validated, so
 * that reading takes no database lock and holds no more than the run being filled: the database is
 * written only once, in the short transaction that stores the submission and its parts (pipeline.ts).
 *
 * The file sits in its own folder of the upload folder, named after this process like an upload's
 * ("upload-<pid>-XXXXXX"): it is removed when the preview ends, however it ends, and a killed
 * process's leftover is removed by the next start's sweep (sweepUploadFolder).
 */
export class StagingFile implements PartSource {
  private readonly places: PartPlace[][] = [];
  private size = 0;

  private constructor(
    private readonly folder: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(uploadFolder: string): Promise<StagingFile> {
    const folder = await newUploadDirectory(uploadFolder);
    try {
      return new StagingFile(folder, await open(path.join(folder, 'staged.parts'), 'w+', 0o600));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  get runs(): number[] {
    return this.places.map((parts) => parts.length);
  }

  /** Parts arrive in order: run by run, each run's parts from 0. */
  async append(part: EncodedPart): Promise<void> {
    this.places[part.run] ??= [];
    const run = this.places[part.run]!;
    if (run.length !== part.part) throw new Error(`Staged part ${part.run}/${part.part} arrived out of order.`);
    const { bytesWritten } = await this.handle.write(part.bytes, 0, part.bytes.byteLength, this.size);
    run.push({ cells: part.cells, at: this.size, length: bytesWritten });
    this.size += bytesWritten;
  }

  async load(run: number, part: number): Promise<StagedPart> {
    return decodePart((await this.encoded(run, part)).bytes);
  }

  /** Each part as it was appended, in run and part order (for storing them). */
  async *parts(): AsyncGenerator<EncodedPart> {
    for (let run = 0; run < this.places.length; run++)
      for (let part = 0; part < this.places[run]!.length; part++) yield this.encoded(run, part);
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }

  private async encoded(run: number, part: number): Promise<EncodedPart> {
    const place = this.places[run]?.[part];
    if (!place) throw new Error(`There is no staged part ${run}/${part}.`);
    const bytes = new Uint8Array(place.length);
    await this.handle.read(bytes, 0, place.length, place.at);
    return { run, part, cells: place.cells, bytes };
  }
}
