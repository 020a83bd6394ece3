import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Actor, Role } from '../../server/http/actor';
import type { Db } from '../../server/db/database';
import { type AppOptions, createApp } from '../../server/app/compose';
import { testActor } from './actors';
import { emptyDatabase, seededDatabase, type TestDatabase } from './database';

/** Everything createApp takes but the database. */
export type TestAppOptions = Partial<Omit<AppOptions, 'db'>>;

/**
 * The app as the tests build it: the production app without the built dashboard, so that no test
 * depends on `vite build` having run. The one place tests call createApp.
 */
export function testApp(db: Db, options: TestAppOptions = {}): Express {
  return createApp({ db, clientDir: '/nonexistent', ...options });
}

export interface SeededApp {
  /** The test's private database (seeded unless `empty`), with its location and dispose. */
  readonly database: TestDatabase;
  readonly db: Db;
  /** The app with the production actor resolver: callers are anonymous unless they send a session or token. */
  readonly app: Express;
  /** supertest on `app`. */
  request(): ReturnType<typeof request>;
  /** The app with every request made by `actor` (built once per actor and database). */
  as(actor: Actor): Express;
  /** The app with every request made by a test user of `role` (see testActor). */
  asRole(role: Role, geos?: string[]): Express;
}

export interface SeededAppOptions {
  /** A fresh database for every test instead of one per file (for tests that change published data). */
  each?: boolean;
  /** A migrated database with no catalogue and no data instead of the seeded one. */
  empty?: boolean;
  /** Options for every app built from this context. */
  app?: TestAppOptions;
}

/**
 * A private database and the app on it, opened before the file's tests (or each test) and disposed
 * after them. Call it at the top of a test file; read its fields inside tests and hooks.
 */
export function useSeededApp(options: SeededAppOptions = {}): SeededApp {
  let database: TestDatabase | null = null;
  let app: Express | null = null;
  const byActor = new Map<Actor, Express>();
  const open = async () => {
    database = await (options.empty ? emptyDatabase() : seededDatabase());
  };
  const close = async () => {
    const opened = database;
    database = null;
    app = null;
    byActor.clear();
    await opened?.dispose();
  };
  if (options.each) {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  const current = (): TestDatabase => {
    if (!database) {
      throw new Error('The test database is open only inside tests and the hooks declared after useSeededApp().');
    }
    return database;
  };
  const as = (actor: Actor): Express => {
    let built = byActor.get(actor);
    if (!built) {
      built = testApp(current().db, { ...options.app, resolveActor: () => actor });
      byActor.set(actor, built);
    }
    return built;
  };
  return {
    get database() {
      return current();
    },
    get db() {
      return current().db;
    },
    get app() {
      app ??= testApp(current().db, options.app);
      return app;
    },
    request() {
      return request(this.app);
    },
    as,
    asRole: (role, geos) => as(testActor(role, geos)),
  };
}

export interface TestDatabases {
  seeded(): Promise<TestDatabase>;
  empty(): Promise<TestDatabase>;
}

/**
 * For tests that open their own databases (several per test, or different kinds): every database
 * opened through it is disposed after the test that opened it.
 */
export function useTestDatabases(): TestDatabases {
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0).reverse()) await database.dispose();
  });
  const keep = async (open: Promise<TestDatabase>) => {
    const database = await open;
    opened.push(database);
    return database;
  };
  return { seeded: () => keep(seededDatabase()), empty: () => keep(emptyDatabase()) };
}
