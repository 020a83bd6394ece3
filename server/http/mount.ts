import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response, Router } from 'express';
import type { ZodError } from 'zod';
import { isBusyError } from '../db/sqlite-dialect';
import type { Actor } from './actor';
import type { Db } from '../db/database';
import type { Config } from '../config/config';
import { type ReceivedUpload, receiveUpload } from './upload';
import { uploadFolder } from './upload-folder';
import { authorise, authoriseRole } from './authorise';
import { type ErrorBody, HttpError } from './errors';
import { type AnyRoute, RouteResponse, type RouteHooks } from './route';
import { type Locale, negotiateLocale } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { translateInputMessage, zodParseOptions } from '../i18n/input-messages';

/** Finds who is calling (the composition root gives server/accounts/resolve-actor.ts: session cookie or API token). */
export type ActorResolver = (req: Request) => Promise<Actor> | Actor;

export interface Mounting {
  db: Db;
  config: Config;
  resolveActor: ActorResolver;
  hooks?: RouteHooks;
}

/** Registers each route with one wrapper that parses inputs, calls the handler and sends its value. */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  { db, config, resolveActor, hooks = {} }: Mounting,
): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      let actor: Actor | undefined;
      let upload: ReceivedUpload | undefined;
      try {
        const rawBody = Buffer.isBuffer(req.body) ? req.body : undefined;
        const locale = requestLocale(req);
        actor = await resolveActor(req);
        // Every answer may be in the reader's language, so caches keep one copy per language.
        res.vary('Accept-Language');
        // Answers that depend on who asks are never kept by a browser or proxy (issue 15).
        if (route.access.kind !== 'public' || actor.kind === 'user') res.setHeader('Cache-Control', 'no-store');
        // An address refused too often gets 429 at once: no body is read, no rule checked.
        if (actor.kind !== 'user' && route.access.kind !== 'public') {
          const limited = hooks.limitAnonymous?.(route, req.ip ?? '');
          if (limited) throw limited;
        }
        // Who may call at all is settled before inputs are read, so the public learns nothing from validation errors.
        authoriseRole(route, actor);
        if (route.upload)
          upload = await receiveUpload(req, {
            maxBytes: route.upload.maxBytes(config),
            folder: uploadFolder(config.UPLOAD_DIR),
            idleMs: config.UPLOAD_IDLE_TIMEOUT_MS,
            totalMs: config.UPLOAD_TIMEOUT_MS,
          });
        const ctx = {
          db,
          config,
          actor,
          query: parseInput(route.query, withoutLang(req.query), 'query', locale),
          params: parseInput(route.params, req.params, 'path', locale),
          body: rawBody ? undefined : parseInput(route.body, req.body, 'body', locale),
          headers: req.headers,
          rawBody,
          upload,
          ip: req.ip ?? '',
          secure: req.secure,
          locale,
        };
        await authorise(route, ctx);
        const result = await route.handler(ctx);
        await hooks.afterWrite?.(route, { ...ctx, params: req.params }, result);
        send(res, result);
      } catch (error) {
        await hooks.onRefusal?.(route, { db, config, actor, ip: req.ip ?? '', params: req.params }, error);
        next(error);
      } finally {
        await upload?.dispose();
      }
    });
  }
}

/** The reader's language: `?lang=` first, then Accept-Language, then English (docs/i18n.md). */
export function requestLocale(req: Request): Locale {
  const lang = req.query?.lang;
  return negotiateLocale(typeof lang === 'string' ? lang : null, req.headers['accept-language']);
}

/** `?lang=` chooses the answer's language for every route, so a route's own (strict) query schema never sees it. */
function withoutLang(query: unknown): unknown {
  if (!query || typeof query !== 'object' || !('lang' in query)) return query;
  const { lang: _chosen, ...rest } = query as Record<string, unknown>;
  return rest;
}

function parseInput(
  schema: AnyRoute['query'],
  value: unknown,
  where: 'query' | 'path' | 'body',
  locale: Locale,
): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {}, zodParseOptions(locale));
  if (parsed.success) return parsed.data;
  throw new HttpError(
    400,
    'invalid-request',
    describeInputError(parsed.error, where, locale),
    parsed.error.issues.map((i) => ({
      in: where,
      path: i.path.join('.'),
      message: translateInputMessage(i.message, locale),
    })),
  );
}

/** The first five problems of a request's input, each framed in the reader's language ("query "geo": …"). */
export function describeInputError(error: ZodError, where: 'query' | 'path' | 'body', locale: Locale): string {
  return error.issues
    .slice(0, 5)
    .map((i) =>
      translate(locale, {
        key: 'http.invalid-input',
        params: {
          where,
          field: i.path.length ? i.path.join('.') : 'none',
          problem: translateInputMessage(i.message, locale),
        },
      }),
    )
    .join('; ');
}

export function describeZodError(error: ZodError, where: string): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${where} ${i.path.length ? `"${i.path.join('.')}"` : 'input'}: ${i.message}`)
    .join('; ');
}

function send(res: Response, result: unknown): void {
  if (!(result instanceof RouteResponse)) {
    res.json(result);
    return;
  }
  const { status = 200, contentType, fileName, headers = {} } = result.options;
  res.status(status);
  // Vary is added to, never replaced: the wrapper's Accept-Language stays beside a handler's Accept-Encoding.
  for (const [name, value] of Object.entries(headers))
    if (name.toLowerCase() === 'vary') res.vary(value);
    else res.setHeader(name, value);
  if (fileName) res.attachment(fileName);
  // Bytes go out with exactly the type given: res.type would add a charset to text/* types, which
  // clients that compare media types exactly (e.g. sdmx-rest with text/csv) reject.
  if (contentType && Buffer.isBuffer(result.body)) res.setHeader('Content-Type', contentType);
  else if (contentType) res.type(contentType);
  // A stream that fails half-way cannot become an error answer: the client sees a cut connection.
  if (result.body instanceof Readable) pipeline(result.body, res).catch(() => res.destroy());
  else if (typeof result.body === 'string' || Buffer.isBuffer(result.body)) res.send(result.body);
  else res.json(result.body);
}

/** The one place errors become HTTP answers. Unexpected errors are logged, never shown. */
export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const body = errorBody(error, requestLocale(req));
  if (body.error.status >= 500) console.error(error);
  if (res.headersSent) return;
  // A refused body still arriving (a slow or oversized upload) is not read on: the connection closes after the answer.
  if (!req.complete) res.setHeader('Connection', 'close');
  const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(body.error.status).json(body);
}

function errorBody(error: unknown, locale: Locale): ErrorBody {
  if (error instanceof HttpError) {
    const message = error.localised ? translate(locale, error.localised) : error.message;
    return { error: { status: error.status, code: error.code, message, details: error.details } };
  }
  if (isBusyError(error)) {
    const message = translate(locale, { key: 'http.database-busy' });
    return { error: { status: 503, code: 'database-busy', message, details: { retryAfterSeconds: 5 } } };
  }
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = (error as { type?: string }).type;
    const message = translate(locale, { key: status === 413 ? 'http.body-too-large' : 'http.unreadable' });
    return { error: { status, code: known ?? 'bad-request', message } };
  }
  return { error: { status: 500, code: 'internal', message: translate(locale, { key: 'http.internal' }) } };
}
