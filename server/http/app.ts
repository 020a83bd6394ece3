import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Db } from '../db/database';
import type { Config } from '../config/config';
import { EMBED_PATH, embedPage } from './embed-page';
import { notFound } from './errors';
import { type ActorResolver, errorHandler, mountRoutes } from './mount';
import type { AnyRoute, RouteHooks } from './route';

/** What the framework serves; server/app/compose.ts assembles it from the features. */
export interface HttpAppOptions {
  db: Db;
  config: Config;
  routes: readonly AnyRoute[];
  /** Who is calling (tests inject actors here). */
  resolveActor: ActorResolver;
  hooks?: RouteHooks;
  /** The built dashboard (vite build output); served when present. */
  clientDir?: string;
  jsonLimit?: string;
}

/**
 * A strict Content-Security-Policy: scripts and styles only from our own files (no inline code),
 * images also from data:/blob: URLs (chart downloads), no framing (except the embed page: embed-page.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export const SECURITY_HEADERS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: { policy: 'same-origin' },
};

/** The dashboard uses no camera, microphone, location, payment or similar browser feature: none may be asked for. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'display-capture=()',
].join(', ');

/**
 * brotli, gzip or deflate above 1 KB, as the client prefers: JSON answers, CSV exports and the
 * dashboard's scripts shrink 3–15×. The middleware wraps every response it sees, which cost a
 * quarter of the API's throughput under bench:api even for clients that accept no encoding, so
 * such requests skip it (their answers still say that they vary with Accept-Encoding).
 */
function compressWhenAccepted(): RequestHandler {
  const compress = compression();
  return (req, res, next) => {
    if (req.headers['accept-encoding']) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  };
}

export function createHttpApp({
  db,
  config,
  routes,
  resolveActor,
  hooks,
  clientDir,
  jsonLimit = '1mb',
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(helmet(SECURITY_HEADERS));
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  app.use(compressWhenAccepted());
  app.set('query parser', 'simple');
  // Upload routes read their body as the file, whatever its type: a JSON parser that consumed it first left them waiting for ever.
  const uploadPaths = new Set(routes.filter((r) => r.upload).map((r) => r.path));
  const isJson = (req: IncomingMessage) => /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  app.use(
    express.json({ limit: jsonLimit, type: (req) => isJson(req) && !uploadPaths.has((req.url ?? '').split('?')[0]!) }),
  );

  const api = express.Router();
  mountRoutes(api, routes, { db, config, resolveActor, hooks });
  app.use(api);
  app.use('/api', (req, _res, next) =>
    next(notFound({ key: 'http.no-route', params: { method: req.method, url: req.originalUrl } })),
  );

  if (clientDir && existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(EMBED_PATH, embedPage(clientDir, CONTENT_SECURITY_POLICY));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
