import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { HttpError } from './errors';

/** An uploaded file, streamed to a private temporary file, plus the form's text fields. */
export interface ReceivedUpload {
  /** The private temporary file holding the body, and the name the uploader gave it (never used as a path). */
  file: { path: string; fileName: string; byteSize: number };
  fields: Record<string, string>;
  dispose: () => Promise<void>;
}

export function tooLarge(maxBytes: number): HttpError {
  const mb = maxBytes >= 1024 * 1024 ? `${(maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) ? 1 : 0)} MB (${maxBytes} bytes)` : `${maxBytes} bytes`;
  return new HttpError(413, 'upload-too-large',
    `The upload is larger than the limit of ${mb}. Split the file (for example by year), or ask the secretariat to load it with the command-line ingest.`);
}

/** A file name as the uploader gave it, for the record only: printable, at most 200 characters. */
export function recordedFileName(name: string | undefined): string {
  const clean = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'upload';
}

/**
 * Streams the request body (multipart/form-data with one file, or the raw body) to a temporary file
 * whose name the server chooses; the uploaded name is never used as a path.
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<ReceivedUpload> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes + 64 * 1024) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'observatory-upload-'));
  const file = path.join(dir, 'upload.bin');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const isMultipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    const { fields, fileName } = isMultipart
      ? await receiveMultipart(req, file, maxBytes)
      : await receiveRaw(req, file, maxBytes);
    const { size } = await stat(file);
    return { file: { path: file, fileName: recordedFileName(fileName), byteSize: size }, fields, dispose };
  } catch (error) {
    req.resume();
    await dispose();
    throw error;
  }
}

/** Writes the raw body to the file; past the limit it stops writing but drains the rest, so a 413 can be sent. */
function receiveRaw(req: Request, file: string, maxBytes: number): Promise<{ fields: Record<string, string>; fileName?: string }> {
  const header = req.headers['x-file-name'];
  const fileName = typeof header === 'string' ? header : undefined;
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let seen = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      out.destroy();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      seen += chunk.length;
      if (seen > maxBytes) return fail(tooLarge(maxBytes));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (!failed) out.end(() => resolve({ fields: {}, fileName }));
    });
    req.on('error', fail);
    out.on('error', fail);
  });
}

function receiveMultipart(req: Request, file: string, maxBytes: number): Promise<{ fields: Record<string, string>; fileName?: string }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileName: string | undefined;
    let written: Promise<void> | null = null;
    let exceeded = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 4096, fileSize: maxBytes } });
    } catch {
      reject(new HttpError(400, 'bad-upload', 'The multipart body could not be read: its Content-Type lacks a boundary.'));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      if (written) {
        stream.resume();
        return;
      }
      fileName = info.filename;
      stream.on('limit', () => {
        exceeded = true;
      });
      written = pipeline(stream, createWriteStream(file));
      written.catch(() => undefined);
    });
    parser.on('error', () => reject(new HttpError(400, 'bad-upload', 'The multipart body is malformed. Send the file as multipart/form-data with a "file" part, or as the raw request body.')));
    parser.on('close', () => {
      if (!written) {
        reject(new HttpError(400, 'bad-upload', 'The multipart body has no file part. Add the CSV as a form field of type file.'));
        return;
      }
      written.then(() => (exceeded ? reject(tooLarge(maxBytes)) : resolve({ fields, fileName })), reject);
    });
    req.pipe(parser);
  });
}
