import type { Actor } from '../http/actor';
import { ANONYMOUS } from '../http/actor';
import type { Db } from '../db/database';
import type { Config } from '../config/config';
import { HttpError } from '../http/errors';
import { type AnyRoute, RouteResponse } from '../http/route';
import { auditAction, routeResource } from './audit.action';
import { appendAudit } from './audit.repository';
import { countRefusal } from './refusal.repository';
import { routeFamily } from './refusal-limiter';

type Fields = Record<string, unknown> | undefined;

function idOf(result: unknown, resource: string): string | undefined {
  const body = result instanceof RouteResponse ? result.body : result;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return undefined;
  const record = body as Record<string, unknown>;
  const nested = [record, record.data, record[resource]].find((v) => v && typeof v === 'object') as
    | Record<string, unknown>
    | undefined;
  const id = record.id ?? record[`${resource}Id`] ?? nested?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

/** "submission/42": the resource, then the path parameters in order, else the id the handler returned. */
export function auditTarget(route: AnyRoute, params: Fields, result?: unknown): string {
  const resource = routeResource(route);
  const values = Object.values(params ?? {}).filter((v) => typeof v === 'string' || typeof v === 'number');
  if (values.length) return [resource, ...values].join('/');
  const id = idOf(result, resource);
  return id ? `${resource}/${id}` : resource;
}

/** The geo a request names, when it names one directly (path, query or body). */
function namedGeo(...sources: Fields[]): string | undefined {
  for (const source of sources) {
    const geo = source?.geo;
    if (typeof geo === 'string') return geo;
  }
  return undefined;
}

export interface AuditedRequest {
  db: Db;
  config: Config;
  actor: Actor;
  ip: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/** Called by mount.ts after every successful non-GET route, unless the route audits itself. */
export async function auditWrite(route: AnyRoute, request: AuditedRequest, result: unknown): Promise<void> {
  if (route.audit === false || typeof route.audit === 'object' || route.method === 'get') return;
  const params = request.params as Fields;
  const geo = namedGeo(params, request.query as Fields, request.body as Fields);
  try {
    await appendAudit(request.db, {
      actor: request.actor,
      ip: request.ip,
      action: auditAction(route),
      target: auditTarget(route, params, result),
      detail: { route: `${route.method.toUpperCase()} ${route.path}`, ...(geo ? { geo } : {}) },
    });
  } catch (error) {
    console.error('audit: could not record a write', error);
  }
}

/** Called by mount.ts when a write is refused for want of authentication or rights (401/403). */
export async function auditRefusal(
  route: AnyRoute,
  request: Omit<AuditedRequest, 'actor'> & { actor?: Actor },
  error: unknown,
): Promise<void> {
  if (route.method === 'get' || !(error instanceof HttpError) || (error.status !== 401 && error.status !== 403)) return;
  const actor = (error as { actor?: Actor }).actor ?? request.actor ?? ANONYMOUS;
  try {
    // Anonymous refusals are counted per address, route and minute, so a flood cannot grow the log
    // without bound; a signed-in user's refusal is still recorded on its own.
    if (actor.kind !== 'user')
      return await countRefusal(
        request.db,
        request.ip,
        routeFamily(route),
        new Date(),
        request.config.AUDIT_REFUSAL_RETENTION_DAYS,
      );
    await appendAudit(request.db, {
      actor,
      ip: request.ip,
      action: auditAction(route),
      target: auditTarget(route, request.params as Fields),
      outcome: 'denied',
      detail: { route: `${route.method.toUpperCase()} ${route.path}`, status: error.status, code: error.code },
    });
  } catch (failure) {
    console.error('audit: could not record a refusal', failure);
  }
}
