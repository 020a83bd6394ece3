import path from 'node:path';
import type { Express } from 'express';
import { createActorResolver } from '../accounts/resolve-actor';
import { sessionRoutes } from '../accounts/session.routes';
import { tokenRoutes } from '../accounts/token.routes';
import { userRoutes } from '../accounts/user.routes';
import { alertRoutes } from '../alerts/alert.routes';
import { analyticsRoutes } from '../analytics/analytics.routes';
import { approvalRoutes } from '../approvals/approval.routes';
import { auditRefusal, auditWrite } from '../audit/audit.hook';
import { RefusalLimiter } from '../audit/refusal-limiter';
import { auditRefusalRoutes, auditRoutes } from '../audit/audit.routes';
import { DATA_DIR } from '../catalogue/paths';
import { type Config, defaultConfig } from '../config/config';
import type { Db } from '../db/database';
import { empactRoutes } from '../empact/empact.routes';
import { geoRoutes } from '../geos/geo.routes';
import { healthRoutes } from '../health/health.routes';
import { createHttpApp } from '../http/app';
import type { ActorResolver } from '../http/mount';
import type { AnyRoute, RouteHooks } from '../http/route';
import { indicatorRoutes } from '../indicators/indicator.routes';
import { labelRoutes } from '../labels/label.routes';
import { interopRoutes } from '../interop/interop.routes';
import { observationHistoryRoutes } from '../observations/observation-history.routes';
import { sourceRoutes } from '../sources/source.routes';
import { observationRoutes } from '../observations/observation.routes';
import { openApiRoutes } from '../openapi/openapi.routes';
import { practiceRoutes } from '../practices/practice.routes';
import { importProfileRoutes } from '../import-profiles/import-profile.routes';
import { roundLockGuard } from '../rounds/locks';
import { roundRoutes } from '../rounds/rounds.routes';
import { submissionRoutes } from '../submissions/submission.routes';

/**
 * Every API route, in one flat list: the only place a route is registered. The authorisation
 * matrix test and the OpenAPI description are generated from it.
 */
export const apiRoutes: readonly AnyRoute[] = [
  ...healthRoutes,
  ...geoRoutes,
  ...indicatorRoutes,
  ...labelRoutes,
  ...observationRoutes,
  ...observationHistoryRoutes,
  ...sourceRoutes,
  ...analyticsRoutes,
  ...alertRoutes,
  ...practiceRoutes,
  ...submissionRoutes(roundLockGuard),
  ...importProfileRoutes,
  ...approvalRoutes(roundLockGuard),
  ...roundRoutes,
  ...sessionRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...auditRoutes,
  ...auditRefusalRoutes,
  ...empactRoutes,
  ...interopRoutes,
  ...openApiRoutes(() => apiRoutes),
];

/** The audit log hears every write and every refusal (server/audit/audit.hook.ts). */
export const auditHooks: RouteHooks = { afterWrite: auditWrite, onRefusal: auditRefusal };

/** The built dashboard (vite build output). */
export const DEFAULT_CLIENT_DIR = path.resolve(DATA_DIR, '../dist/client');

export interface AppOptions {
  db: Db;
  /** The parsed configuration; tests may give part of one, the rest is the defaults. */
  config?: Partial<Config>;
  clientDir?: string;
  /** Who is calling; by default a session cookie or an API token (tests inject actors here). */
  resolveActor?: ActorResolver;
  jsonLimit?: string;
  /** The rate limit on refused anonymous requests; by default one of the app's own (tests pass theirs to flush it). */
  refusalLimiter?: RefusalLimiter;
}

/** The observatory's web application: the features handed to the HTTP framework. */
export function createApp({
  db,
  config,
  clientDir = DEFAULT_CLIENT_DIR,
  resolveActor,
  jsonLimit,
  refusalLimiter,
}: AppOptions): Express {
  const settings = defaultConfig(config);
  const limiter =
    refusalLimiter ??
    new RefusalLimiter(db, settings.ANONYMOUS_REFUSALS_PER_MINUTE, settings.AUDIT_REFUSAL_RETENTION_DAYS);
  return createHttpApp({
    db,
    config: settings,
    routes: apiRoutes,
    resolveActor: resolveActor ?? createActorResolver(db),
    hooks: { ...auditHooks, limitAnonymous: (route, ip) => limiter.admit(route, ip) },
    clientDir,
    jsonLimit,
  });
}
