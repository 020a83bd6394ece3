import { createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { HttpError } from './errors';
import { newUploadDirectory } from './upload-folder';

/** An uploaded file, streamed to a private temporary file, plus the form's text fields. */
export interface ReceivedUpload {
  /** The private temporary file holding the body, and the name the uploader gave it (never used as a path). */
  file: { path: string; fileName: string; byteSize: number };
  fields: Record<string, string>;
  dispose: () => Promise<void>;
}

export function tooLarge(maxBytes: number): HttpError {
  const mb =
    maxBytes >= 1024 * 1024
      ? `${(maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) ? 1 : 0)} MB (${maxBytes} bytes)`
      : `${maxBytes} bytes`;
  return new HttpError(413, 'upload-too-large', { key: 'http.upload-too-large', params: { limit: mb } });
}

/** A file name as the uploader gave it, for the record only: printable, at most 200 characters. */
export function recordedFileName(name: string | undefined): string {
  const clean = (name ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern removes or escapes
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'upload';
}

/** Media types that are never a file to read: refused with 415 rather than read as a CSV. */
const NOT_A_FILE = /^(application\/(json|[\w.-]+\+json|xml)|multipart\/(?!form-data))/i;

export function unsupportedType(type: string): HttpError {
  return new HttpError(415, 'unsupported-media-type', {
    key: 'http.upload-not-a-file',
    params: { type: type.split(';')[0]!.trim() },
  });
}

/** How an upload is received: where it goes, how large it may be, and how long its body may take. */
export interface UploadLimits {
  maxBytes: number;
  folder: string;
  /** The longest pause between two pieces of the body (UPLOAD_IDLE_TIMEOUT_MS). */
  idleMs: number;
  /** The longest the whole body may take to arrive (UPLOAD_TIMEOUT_MS). */
  totalMs: number;
}

/**
 * Streams the request body (multipart/form-data with one file, or the raw body) to a temporary file
 * whose name the server chooses; the uploaded name is never used as a path. The limit counts the
 * file's bytes the same way for both: a multipart file of exactly `maxBytes` is accepted, as raw.
 * A client that goes away mid-upload ends the upload, and its temporary folder is removed; a body
 * that pauses longer than `idleMs`, or takes longer than `totalMs`, is refused with 408 (the
 * connection then closes after the answer: errorHandler).
 */
export async function receiveUpload(req: Request, limits: UploadLimits): Promise<ReceivedUpload> {
  const { maxBytes, folder } = limits;
  const type = req.headers['content-type'] ?? '';
  if (NOT_A_FILE.test(type)) throw unsupportedType(type);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  const dir = await newUploadDirectory(folder);
  const file = path.join(dir, 'upload.bin');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const isMultipart = /^multipart\/form-data/i.test(type);
    const { fields, fileName } = await withinDeadlines(req, limits, (fail) =>
      isMultipart ? receiveMultipart(req, file, maxBytes, fail) : receiveRaw(req, file, maxBytes, fail),
    );
    const { size } = await stat(file);
    return { file: { path: file, fileName: recordedFileName(fileName), byteSize: size }, fields, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

type Receiver = Promise<{ fields: Record<string, string>; fileName?: string }>;
/** A receiver hands its own `fail` here, for the deadlines to call. */
type DeadlineHook = (fail: (error: HttpError) => void) => void;

/**
 * Runs `receive` with the body's two deadlines: it is handed a function that fails it from outside,
 * called when the body pauses longer than `idleMs` or is still arriving after `totalMs`. Without
 * them a slow body was cut only by Node's request timeout (300 s), holding its connection and file.
 */
async function withinDeadlines(
  req: Request,
  { idleMs, totalMs }: UploadLimits,
  receive: (onDeadline: DeadlineHook) => Receiver,
): Receiver {
  let failReceiver: (error: HttpError) => void = () => undefined;
  let idle: NodeJS.Timeout | undefined;
  const restartIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => failReceiver(tooSlow('limits.upload-stalled', idleMs)), idleMs);
  };
  const total = setTimeout(() => failReceiver(tooSlow('limits.upload-too-long', totalMs)), totalMs);
  restartIdle();
  req.on('data', restartIdle);
  try {
    return await receive((fail) => {
      failReceiver = fail;
    });
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    req.off('data', restartIdle);
  }
}

function tooSlow(key: 'limits.upload-stalled' | 'limits.upload-too-long', ms: number): HttpError {
  return new HttpError(408, 'upload-too-slow', { key, params: { seconds: ms / 1000 } });
}

function aborted(): HttpError {
  return new HttpError(400, 'upload-aborted', { key: 'http.upload-aborted' });
}

/** Settles once the file is closed, so that removing its folder afterwards leaves nothing behind. */
function closed(out: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (out.closed) resolve();
    else out.once('close', () => resolve());
  });
}

/** Writes the raw body to the file; past the limit it stops and refuses (the connection is then closed). */
function receiveRaw(req: Request, file: string, maxBytes: number, onDeadline: DeadlineHook): Receiver {
  const header = req.headers['x-file-name'];
  const fileName = typeof header === 'string' ? header : undefined;
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let seen = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      out.destroy();
      void closed(out).then(() => reject(error));
    };
    onDeadline(fail);
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) return fail(tooLarge(maxBytes));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.on('end', () => {
      if (settled) return;
      settled = true;
      out.end(() => resolve({ fields: {}, fileName }));
    });
    req.on('close', () => {
      if (!req.complete) fail(aborted());
    });
    req.on('error', fail);
    out.on('error', fail);
  });
}

function receiveMultipart(req: Request, file: string, maxBytes: number, onDeadline: DeadlineHook): Receiver {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileName: string | undefined;
    let out: WriteStream | null = null;
    let written: Promise<void> | null = null;
    let bytes = 0;
    let settled = false;
    let parser: busboy.Busboy;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      out?.destroy();
      void (out ? closed(out) : Promise.resolve()).then(() => reject(error));
    };
    onDeadline(fail);
    try {
      // One byte over the limit, so that a file of exactly the limit is read whole and one byte more is refused.
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fieldSize: 4096, fileSize: maxBytes + 1 },
      });
    } catch {
      reject(new HttpError(400, 'bad-upload', { key: 'http.multipart-no-boundary' }));
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
      const target = createWriteStream(file);
      out = target;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return fail(tooLarge(maxBytes));
        if (!target.write(chunk)) {
          stream.pause();
          target.once('drain', () => stream.resume());
        }
      });
      written = new Promise<void>((done, failed) => {
        stream.on('end', () => target.end(() => done()));
        target.on('error', failed);
      });
      written.catch(fail);
    });
    parser.on('error', () => fail(new HttpError(400, 'bad-upload', { key: 'http.multipart-malformed' })));
    parser.on('close', () => {
      if (settled) return;
      if (!written) return fail(new HttpError(400, 'bad-upload', { key: 'http.multipart-no-file' }));
      written.then(() => {
        if (settled) return;
        settled = true;
        resolve({ fields, fileName });
      }, fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(aborted());
    });
    req.pipe(parser);
  });
}
