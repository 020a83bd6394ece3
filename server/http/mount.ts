import type { NextFunction, Request, Response, Router } from 'express';
import { ZodError } from 'zod';
import { isBusyError } from '../db/sqlite-dialect';
import type { Actor } from '../accounts/actor';
import type { Db } from '../db/database';
import { type ReceivedUpload, receiveUpload } from '../submissions/upload';
import { auditRefusal, auditWrite } from '../audit/audit.hook';
import { authorise, authoriseRole } from './authorise';
import { type ErrorBody, HttpError } from './errors';
import { type AnyRoute, RouteResponse } from './route';

/** Finds who is calling: by default server/accounts/resolve-actor.ts (session cookie or API token). */
export type ActorResolver = (req: Request) => Promise<Actor> | Actor;

/** Registers each route with one wrapper that parses inputs, calls the handler and sends its value. */
export function mountRoutes(router: Router, routes: AnyRoute[], db: Db, resolveActor: ActorResolver): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      let actor: Actor | undefined;
      let upload: ReceivedUpload | undefined;
      try {
        const rawBody = Buffer.isBuffer(req.body) ? req.body : undefined;
        actor = await resolveActor(req);
        // Answers that depend on who asks are never kept by a browser or proxy (issue 15).
        if (route.access.kind !== 'public' || actor.kind === 'user') res.setHeader('Cache-Control', 'no-store');
        // Who may call at all is settled before inputs are read, so the public learns nothing from validation errors.
        authoriseRole(route, actor);
        if (route.upload) upload = await receiveUpload(req, route.upload.maxBytes());
        const ctx = {
          db,
          actor,
          query: parseInput(route.query, req.query, 'query'),
          params: parseInput(route.params, req.params, 'path'),
          body: rawBody ? undefined : parseInput(route.body, req.body, 'body'),
          headers: req.headers,
          rawBody,
          upload,
          ip: req.ip ?? '',
          secure: req.secure,
        };
        await authorise(route, ctx);
        const result = await route.handler(ctx);
        await auditWrite(route, { ...ctx, params: req.params }, result);
        send(res, result);
      } catch (error) {
        await auditRefusal(route, { db, actor, ip: req.ip ?? '', params: req.params }, error);
        next(error);
      } finally {
        await upload?.dispose();
      }
    });
  }
}

function parseInput(schema: AnyRoute['query'], value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new HttpError(400, 'invalid-request', describeZodError(parsed.error, where), parsed.error.issues.map((i) => ({
    in: where,
    path: i.path.join('.'),
    message: i.message,
  })));
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
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (fileName) res.attachment(fileName);
  if (contentType) res.type(contentType);
  if (typeof result.body === 'string' || Buffer.isBuffer(result.body)) res.send(result.body);
  else res.json(result.body);
}

/** The one place errors become HTTP answers. Unexpected errors are logged, never shown. */
export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const body = errorBody(error);
  if (body.error.status >= 500) console.error(error);
  if (res.headersSent) return;
  // A refused body still arriving (a slow or oversized upload) is not read on: the connection closes after the answer.
  if (!req.complete) res.setHeader('Connection', 'close');
  const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(body.error.status).json(body);
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof HttpError) {
    return { error: { status: error.status, code: error.code, message: error.message, details: error.details } };
  }
  if (isBusyError(error)) {
    const message = 'The database is busy with another server process\'s write. Try again in a few seconds.';
    return { error: { status: 503, code: 'database-busy', message, details: { retryAfterSeconds: 5 } } };
  }
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = (error as { type?: string }).type;
    const message = status === 413 ? 'The request body is larger than the server accepts.' : 'The request could not be read.';
    return { error: { status, code: known ?? 'bad-request', message } };
  }
  return { error: { status: 500, code: 'internal', message: 'An unexpected error occurred. It has been logged.' } };
}
