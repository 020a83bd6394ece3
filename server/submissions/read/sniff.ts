import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import { type Delimiter, sniffDelimiter } from './delimiter';
import {
  binaryKind,
  type DetectedEncoding,
  detectEncoding,
  type EncodingNote,
  encodingFromBom,
  encodingNote,
  findUtf8Trouble,
  Utf8Check,
  type Utf8Trouble,
} from './encoding';
import type { SubmissionSource } from './source';

const HEAD_BYTES = 256 * 1024;

export interface SourceScan {
  sha256: string;
  head: Buffer;
  /** True when every byte of the file is valid UTF-8. */
  utf8: boolean;
  /** For a file that is not UTF-8: where, and how it looks (a second pass, only for such files). */
  trouble: Utf8Trouble | null;
}

/** One pass over the bytes: content hash, UTF-8 validity and the head for sniffing. */
export async function scanSource(source: SubmissionSource): Promise<SourceScan> {
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
  const head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    hash.update(chunk);
    utf8.update(chunk);
    if (headBytes < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
    }
  }
  const valid = utf8.finish();
  const bytes = Buffer.concat(head);
  const trouble = valid || encodingFromBom(bytes) ? null : await findUtf8Trouble(source);
  return { sha256: hash.digest('hex'), head: bytes, utf8: valid, trouble };
}

export interface Sniffed extends DetectedEncoding {
  delimiter: Delimiter;
  /** The head's complete records, for settling number formats per column. */
  sample: string[][];
  /** Set when the bytes are not text at all (an image, a workbook ...). */
  binary: string | null;
  /** What the report must say about the encoding: a file read as Windows-1252, or one that is neither. */
  encodingNote: EncodingNote | null;
  /** The text starts like JSON (`{` or `[`), not like a table: it is read as JSON-stat. */
  json: boolean;
}

/** Encoding and delimiter: the profile's when it sets them, otherwise read from the bytes. */
export function sniff(scan: SourceScan, profile: ProfileDefinition | null): Sniffed {
  const detected = detectEncoding(scan.head, scan.utf8);
  const named = profile && profile.encoding !== 'auto' ? profile.encoding : null;
  const judged = !named && scan.trouble ? encodingNote(scan.trouble) : null;
  const encoding: DetectedEncoding = named
    ? { encoding: named, bomLength: detected.encoding === named ? detected.bomLength : 0 }
    : judged
      ? { encoding: judged.encoding, bomLength: 0 }
      : detected;
  const binary = binaryKind(scan.head, encoding.encoding);
  const complete = scan.head.length < HEAD_BYTES;
  let headText = new TextDecoder(encoding.encoding).decode(scan.head.subarray(encoding.bomLength));
  const json = !binary && /^\s*[[{]/.test(headText);
  if (!complete) headText = headText.slice(0, Math.max(0, headText.lastIndexOf('\n')));
  const delimiter = profile && profile.delimiter !== 'auto' ? profile.delimiter : sniffDelimiter(headText);
  const sample = binary || json ? [] : Papa.parse<string[]>(headText, { delimiter, skipEmptyLines: true }).data;
  return { ...encoding, delimiter, binary, sample, encodingNote: binary ? null : (judged?.note ?? null), json };
}
