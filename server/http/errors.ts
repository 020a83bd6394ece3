/** An error that becomes an HTTP answer; anything else becomes a 500 without details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad-request', message, details);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);

export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: unknown };
}
