import { HttpError } from '../../http/errors';
import { RouteResponse } from '../../http/route';
import { esc, NS, XML_DECLARATION } from './xml';

/**
 * An error as the SDMX RESTful guidelines (section 4.7) define it: an HTTP status and an SDMX error
 * code, sent as an SDMX-ML 2.1 Error message.
 */
export class SdmxError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const noResults = (message: string) => new SdmxError(404, 100, message);
export const syntaxError = (message: string) => new SdmxError(400, 140, message);
export const semanticError = (message: string) => new SdmxError(400, 150, message);
export const notImplemented = (message: string) => new SdmxError(501, 501, message);
/** The guidelines give 406 no SDMX code; 1000 and up are a service's own codes. */
export const notAcceptable = (message: string) => new SdmxError(406, 1000, message);

export function errorMessage(error: SdmxError): string {
  return (
    `${XML_DECLARATION}<mes:Error xmlns:mes="${NS.message}" xmlns:com="${NS.common}">` +
    `<mes:ErrorMessage code="${error.code}"><com:Text xml:lang="en">${esc(error.message)}</com:Text>` +
    '</mes:ErrorMessage></mes:Error>'
  );
}

/**
 * Errors of the SDMX routes as SDMX error messages: their own, and the 400s and 404s of the shared
 * readers they call (e.g. an unreadable asOf). Anything else stays an unexpected error (a logged 500).
 */
export function sdmxErrorResponse(error: unknown): RouteResponse {
  const sdmx =
    error instanceof SdmxError
      ? error
      : error instanceof HttpError && error.status === 404
        ? noResults(error.message)
        : error instanceof HttpError && error.status === 400
          ? syntaxError(error.message)
          : null;
  if (!sdmx) throw error;
  return new RouteResponse(Buffer.from(errorMessage(sdmx)), {
    status: sdmx.status,
    contentType: 'application/xml',
    headers: { Vary: 'Accept' },
  });
}
