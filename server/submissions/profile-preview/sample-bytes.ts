import { PREVIEW_JSON_BYTES } from '../../shared/api/import-profile-preview';
import { badRequest } from '../../http/errors';

/**
 * The sample's bytes. A head cut from a longer file ends inside a line (and perhaps inside a UTF-8
 * character, which would make the head look like Windows-1252): it is cut after its last line break.
 */
export function sampleBytes(base64: string, complete: boolean): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > PREVIEW_JSON_BYTES)
    throw badRequest({
      key: 'profile-preview.sample-too-large',
      params: { size: bytes.length, limit: PREVIEW_JSON_BYTES },
    });
  if (complete) return bytes;
  return bytes.subarray(0, completeLinesEnd(bytes));
}

/** Where the last complete line ends: after its "\n", which UTF-16 writes as two bytes. */
function completeLinesEnd(bytes: Buffer): number {
  const utf16le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const utf16be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (utf16le || utf16be) {
    const newline = utf16le ? Buffer.from([0x0a, 0x00]) : Buffer.from([0x00, 0x0a]);
    for (let at = bytes.lastIndexOf(newline); at >= 0; at = bytes.lastIndexOf(newline, at - 1))
      if (at % 2 === 0) return at + 2;
    return 0;
  }
  return bytes.lastIndexOf(0x0a) + 1;
}
