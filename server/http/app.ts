import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Db } from '../db/database';
import { DATA_DIR } from '../catalogue/paths';
import { notFound } from './errors';
import { ANONYMOUS } from '../accounts/actor';
import { type ActorResolver, errorHandler, mountRoutes } from './mount';
import { apiRoutes } from './routes';

export interface AppOptions {
  db: Db;
  /** The built dashboard (vite build output); served when present. */
  clientDir?: string;
  jsonLimit?: string;
  /** Who is calling; defaults to the public until accounts resolve sessions and tokens. */
  resolveActor?: ActorResolver;
}

export const DEFAULT_CLIENT_DIR = path.resolve(DATA_DIR, '../dist/client');

export function createApp({
  db,
  clientDir = DEFAULT_CLIENT_DIR,
  jsonLimit = '1mb',
  resolveActor = () => ANONYMOUS,
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: jsonLimit }));

  const api = express.Router();
  mountRoutes(api, apiRoutes, db, resolveActor);
  app.use(api);
  app.use('/api', (req, _res, next) => next(notFound(`No API route ${req.method} ${req.originalUrl}.`)));

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
