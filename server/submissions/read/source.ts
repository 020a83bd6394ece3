import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Uploaded bytes that can be read more than once without holding a large file in memory. */
export interface SubmissionSource {
  /** The name the uploader gave the file: recorded, never used as a path. */
  fileName: string;
  byteSize: number;
  open(): Readable;
}

export function bufferSource(fileName: string, bytes: Buffer): SubmissionSource {
  return { fileName, byteSize: bytes.length, open: () => Readable.from([bytes]) };
}

export async function fileSource(filePath: string, fileName = path.basename(filePath)): Promise<SubmissionSource> {
  const { size } = await stat(filePath);
  return { fileName, byteSize: size, open: () => createReadStream(filePath) };
}

export async function sha256Of(source: SubmissionSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** UTF-8 text of the source, with a leading byte-order mark removed. */
export function utf8Text(source: SubmissionSource): Readable {
  const decoded = source.open().setEncoding('utf8');
  return Readable.from(
    (async function* () {
      let first = true;
      for await (const chunk of decoded as AsyncIterable<string>) {
        yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
        first = false;
      }
    })(),
    { objectMode: false },
  );
}
