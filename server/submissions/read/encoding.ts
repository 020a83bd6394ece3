import type { LocalisedText } from '../../shared/i18n';
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

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252 text either. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Where a file stops being UTF-8, and whether its bytes look like UTF-8 text with a few broken ones. */
export interface Utf8Trouble {
  /** 0-based offset of the first byte that is not valid UTF-8, and its line (1-based). */
  offset: number;
  line: number;
  byte: number;
  /** Well-formed multi-byte UTF-8 sequences (accented letters written as UTF-8). */
  multibyte: number;
  /** Offset of the first byte Windows-1252 does not define, or null. */
  undefined1252: number | null;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * A second pass over a file already known not to be UTF-8 (so only for such files): the first
 * invalid byte, and the evidence for reading it as Windows-1252 or not. Overlong and surrogate
 * forms are rare enough in real exports that checking continuation bytes is evidence enough.
 */
export async function findUtf8Trouble(source: SubmissionSource): Promise<Utf8Trouble> {
  const trouble: Utf8Trouble = { offset: -1, line: 1, byte: 0, multibyte: 0, undefined1252: null };
  let offset = 0;
  let line = 1;
  let pending = 0;
  // The sequence under way: a broken one is reported at its lead byte.
  const lead = { offset: 0, line: 1, byte: 0 };
  const broken = (at: { offset: number; line: number; byte: number }) => {
    if (trouble.offset < 0) Object.assign(trouble, at);
  };
  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++, offset++) {
      const b = chunk[i]!;
      if (trouble.undefined1252 === null && UNDEFINED_1252.has(b)) trouble.undefined1252 = offset;
      if (pending > 0) {
        if ((b & 0xc0) === 0x80) {
          if (--pending === 0) trouble.multibyte++;
          continue;
        }
        pending = 0;
        broken(lead);
      }
      if (b === 0x0a) line++;
      const length = sequenceLength(b);
      if (length === 0) broken({ offset, line, byte: b });
      if (length > 1) Object.assign(lead, { offset, line, byte: b });
      pending = length > 1 ? length - 1 : 0;
    }
  }
  if (pending > 0) broken(lead);
  if (trouble.offset < 0) Object.assign(trouble, { offset, line, byte: 0 });
  return trouble;
}

export interface EncodingNote {
  severity: 'error' | 'warning';
  message: LocalisedText;
}

/**
 * What the report says about a file that is not UTF-8 and names no encoding: read as Windows-1252
 * only when the whole file fits that reading (a warning says so), otherwise an error. UTF-8 accented
 * letters elsewhere in the file mean one broken character, not a Windows-1252 file: reading it as
 * Windows-1252 would garble every note without a word.
 */
export function encodingNote(trouble: Utf8Trouble): { encoding: TextEncodingName; note: EncodingNote } {
  const where = {
    offset: String(trouble.offset + 1),
    line: String(trouble.line),
    hex: trouble.byte.toString(16).toUpperCase().padStart(2, '0'),
  };
  if (trouble.multibyte > 0) {
    return {
      encoding: 'utf-8',
      note: {
        severity: 'error',
        message: { key: 'validation.encoding-broken-utf8', params: where },
      },
    };
  }
  if (trouble.undefined1252 !== null) {
    return {
      encoding: 'utf-8',
      note: {
        severity: 'error',
        message: {
          key: 'validation.encoding-neither',
          params: { ...where, undefinedByte: String(trouble.undefined1252 + 1) },
        },
      },
    };
  }
  return {
    encoding: 'windows-1252',
    note: {
      severity: 'warning',
      message: { key: 'validation.encoding-windows-1252', params: where },
    },
  };
}
