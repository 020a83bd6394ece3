import type { HttpError } from './errors';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Actor, Role } from './actor';
import type { Db } from '../db/database';
import type { Config } from '../config/config';
import type { ReceivedUpload } from './upload';
import type { Locale } from '../shared/i18n';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route. Every route declares one and mount.ts enforces it before the handler runs.
 * - public: anyone, signed in or not.
 * - roles: a signed-in user with one of the roles.
 * - geo-scoped: a signed-in user with one of the roles whose geos cover every geo the request
 *   touches (the secretariat covers all). `geos` reads them from the parsed request.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'roles'; roles: Role[] }
  | {
      kind: 'geo-scoped';
      roles: Role[];
      // biome-ignore lint/suspicious/noExplicitAny: any route's context; each route's own geos() is typed by defineRoute
      geos: (ctx: RouteContext<any, any, any>) => Promise<string[]> | string[];
    };

/** What a handler sees: parsed inputs and the database, never the response object. */
export interface RouteContext<Q, P, B> {
  db: Db;
  /** The configuration parsed at start-up (server/config.ts). */
  config: Config;
  actor: Actor;
  query: Q;
  params: P;
  body: B;
  /** Raw request headers, lower-cased names. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw request body for uploads (routes that declare `rawBody`). */
  rawBody?: Buffer;
  /** The uploaded file, streamed to a temporary file (routes that declare `upload`). */
  upload?: ReceivedUpload;
  ip: string;
  /** True when the request came over HTTPS (directly, or through a proxy trusted with TRUST_PROXY). */
  secure?: boolean;
  /** The reader's language (`?lang=`, then Accept-Language): render person-facing text in it (docs/i18n.md). */
  locale: Locale;
}

/**
 * A handler's answer when it is not JSON: a file download, a status other than 200, or a stream
 * (an answer too large to hold in memory, sent as it is produced).
 */
export class RouteResponse {
  constructor(
    readonly body: string | Buffer | Readable | object,
    readonly options: {
      status?: number;
      contentType?: string;
      fileName?: string;
      headers?: Record<string, string>;
    } = {},
  ) {}
}

export interface RouteDefinition<Q = unknown, P = unknown, B = unknown, R = unknown> {
  method: HttpMethod;
  /** Express path, e.g. /api/indicators/:code */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  /** Accept a file upload (multipart or raw body), streamed to a temporary file; larger bodies get 413. */
  upload?: { maxBytes: (config: Config) => number };
  /** Describes the JSON answer for the API description. */
  response?: z.ZodType<R>;
  handler: (ctx: RouteContext<Q, P, B>) => Promise<R | RouteResponse> | R | RouteResponse;
  /**
   * The audit action recorded after every successful non-GET call, e.g. "submission.commit". By
   * default it is derived from method and path (server/audit/audit.action.ts). `{ action, byHandler: true }`
   * (or `false`) when the handler writes its own, more precise entries; `action` still names refusals.
   */
  audit?: string | false | { action: string; byHandler: true };
}

/** The request as the hooks see it once the handler has run or been refused. */
export interface HookedRequest {
  db: Db;
  config: Config;
  actor?: Actor;
  ip: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/**
 * What the wrapper calls around handlers; the composition root passes the audit log's hooks.
 * - afterWrite: after every successful call (the hook decides which it records);
 * - onRefusal: after a call was refused or failed.
 */
export interface RouteHooks {
  afterWrite?: (route: AnyRoute, request: HookedRequest & { actor: Actor }, result: unknown) => Promise<void>;
  onRefusal?: (route: AnyRoute, request: HookedRequest, error: unknown) => Promise<void>;
  /**
   * Heard before an anonymous request to a route that needs a signed-in user is refused; answers the
   * error to throw instead (a 429) when its address has been refused too often (audit/refusal-limiter.ts).
   */
  limitAnonymous?: (route: AnyRoute, ip: string) => HttpError | undefined;
}

/** Identity function that lets TypeScript infer a route's types from its schemas. */
export function defineRoute<Q = undefined, P = undefined, B = undefined, R = unknown>(
  route: RouteDefinition<Q, P, B, R>,
): RouteDefinition<Q, P, B, R> {
  return route;
}

// biome-ignore lint/suspicious/noExplicitAny: a route of any input and answer types, for lists and the wrapper
export type AnyRoute = RouteDefinition<any, any, any, any>;
