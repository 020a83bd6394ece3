import { Readable } from 'node:stream';
import type { SubmissionSource } from './source';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** UTF-8 or UTF-16 when a byte-order mark says so. */
export function encodingFromBom(head: Buffer): DetectedEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** Without a BOM: UTF-8 when every byte of the file is valid UTF-8, otherwise Windows-1252. */
export function detectEncoding(head: Buffer, wholeFileIsUtf8: boolean): DetectedEncoding {
  return encodingFromBom(head) ?? { encoding: wholeFileIsUtf8 ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** Streams a source's text, decoded with TextDecoder, without its byte-order mark. */
export function decodedText(source: SubmissionSource, { encoding, bomLength }: DetectedEncoding): Readable {
  const bytes = source.open();
  return Readable.from(
    (async function* () {
      const decoder = new TextDecoder(encoding, { ignoreBOM: true });
      let skip = bomLength;
      for await (const chunk of bytes as AsyncIterable<Buffer>) {
        let part = chunk;
        if (skip > 0) {
          const cut = Math.min(skip, part.length);
          part = part.subarray(cut);
          skip -= cut;
        }
        const text = decoder.decode(part, { stream: true });
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
    { objectMode: false, encoding: 'utf8' },
  );
}

/** Tracks whether a byte stream, fed chunk by chunk, is valid UTF-8. */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  valid = true;

  update(chunk: Buffer): void {
    if (!this.valid) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  finish(): boolean {
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    return this.valid;
  }
}

const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive or an Excel .xlsx workbook', [0x50, 0x4b, 0x03, 0x04]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an old Excel .xls workbook', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** A description of the binary format when the bytes are not text, otherwise null. */
export function binaryKind(head: Buffer, encoding: TextEncodingName): string | null {
  for (const [name, signature] of SIGNATURES) {
    if (signature.every((b, i) => head[i] === b)) return name;
  }
  if (encoding.startsWith('utf-16')) return null;
  const sample = head.subarray(0, 8192);
  return sample.includes(0) ? 'a binary file' : null;
}
