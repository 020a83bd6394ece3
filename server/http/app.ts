import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Db } from '../db/database';
import { DATA_DIR } from '../catalogue/paths';
import { notFound } from './errors';
import { createActorResolver } from '../accounts/resolve-actor';
import { type ActorResolver, errorHandler, mountRoutes } from './mount';
import { apiRoutes } from './routes';

export interface AppOptions {
  db: Db;
  /** The built dashboard (vite build output); served when present. */
  clientDir?: string;
  jsonLimit?: string;
  /** Who is calling; by default a session cookie or an API token (tests inject actors here). */
  resolveActor?: ActorResolver;
  /** Express "trust proxy": set TRUST_PROXY (e.g. 1) behind a TLS-terminating proxy, so cookies get Secure and audit sees client IPs. */
  trustProxy?: string | number | boolean;
}

/**
 * A strict Content-Security-Policy: scripts and styles only from our own files (no inline code),
 * images also from data:/blob: URLs (chart downloads), no framing.
 */
export const SECURITY_HEADERS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
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
  },
  referrerPolicy: { policy: 'same-origin' },
};

/** The dashboard uses no camera, microphone, location, payment or similar browser feature: none may be asked for. */
export const PERMISSIONS_POLICY = [
  'camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()',
  'accelerometer=()', 'gyroscope=()', 'magnetometer=()', 'display-capture=()',
].join(', ');

function trustProxySetting(value: AppOptions['trustProxy']): string | number | boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(String(value)) ? Number(value) : value;
}

export const DEFAULT_CLIENT_DIR = path.resolve(DATA_DIR, '../dist/client');

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

export function createApp({
  db,
  clientDir = DEFAULT_CLIENT_DIR,
  jsonLimit = '1mb',
  resolveActor,
  trustProxy = process.env.TRUST_PROXY,
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(trustProxy));
  app.use(helmet(SECURITY_HEADERS));
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  app.use(compressWhenAccepted());
  app.set('query parser', 'simple');
  // Upload routes read their body as the file, whatever its type: a JSON parser that consumed it first left them waiting for ever.
  const uploadPaths = new Set(apiRoutes.filter((r) => r.upload).map((r) => r.path));
  const isJson = (req: IncomingMessage) => /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  app.use(express.json({ limit: jsonLimit, type: (req) => isJson(req) && !uploadPaths.has((req.url ?? '').split('?')[0]!) }));

  const api = express.Router();
  mountRoutes(api, apiRoutes, db, resolveActor ?? createActorResolver(db));
  app.use(api);
  app.use('/api', (req, _res, next) => next(notFound(`No API route ${req.method} ${req.originalUrl}.`)));

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
