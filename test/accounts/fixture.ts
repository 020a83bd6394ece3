import express, { type Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { type Actor, type Role, SYSTEM_ACTOR } from '../../server/http/actor';
import { createUser } from '../../server/accounts/user.service';
import type { Db } from '../../server/db/database';
import type { AppOptions } from '../../server/app/compose';
import { testApp } from '../helpers/context';

export const PASSWORD = 'a long enough passphrase';

export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  headers: string;
  body: string;
}

/**
 * The real app behind a recorder: every response any test receives is kept, so a test can prove
 * that no password hash or token ever leaves the server.
 */
export function recordedApp(options: AppOptions): { app: Express; responses: RecordedResponse[] } {
  const responses: RecordedResponse[] = [];
  const app = express();
  app.use((req, res, next) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => unknown;
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') keep(chunk);
      responses.push({
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        headers: JSON.stringify(res.getHeaders()),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  });
  app.use(testApp(options.db, options));
  return { app, responses };
}

export async function addUser(
  db: Db,
  email: string,
  role: Role,
  geos: string[] = [],
  password: string | undefined = PASSWORD,
) {
  return createUser(db, { email, role, geos }, { actor: SYSTEM_ACTOR, ip: 'test' }, password);
}

export function actorFor(
  row: { id: number; email: string; role: Role; geos: string },
  via: 'session' | 'token' = 'session',
): Actor {
  return { kind: 'user', id: row.id, email: row.email, role: row.role, geos: row.geos ? row.geos.split(',') : [], via };
}

export interface SignedIn {
  cookie: string;
  sessionId: string;
  csrfToken: string;
}

/** Signs in through the API and returns the session cookie and CSRF token. */
export async function signIn(app: Express, email: string, password = PASSWORD, previous?: SignedIn): Promise<SignedIn> {
  const req = request(app).post('/api/session').send({ email, password });
  const res = await (previous ? req.set('Cookie', previous.cookie).set('X-CSRF-Token', previous.csrfToken) : req);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const sessionCookie = setCookie.find((c) => c.startsWith('observatory_session='))!;
  const pair = sessionCookie.split(';')[0]!;
  return { cookie: pair, sessionId: pair.split('=')[1]!, csrfToken: res.body.csrfToken };
}

/** The secrets stored in the database: no response may ever contain one of them. */
export async function storedSecrets(db: Db): Promise<string[]> {
  const users = await db.selectFrom('users').select('password_hash').execute();
  const tokens = await db.selectFrom('api_tokens').select('token_hash').execute();
  const sessions = await db.selectFrom('sessions').select('id_hash').execute();
  const resets = await db.selectFrom('password_resets').select('token_hash').execute();
  return [
    ...users.map((u) => u.password_hash),
    ...users.map((u) => u.password_hash?.split('$')[5]),
    ...tokens.map((t) => t.token_hash),
    ...sessions.map((s) => s.id_hash),
    ...resets.map((r) => r.token_hash),
  ].filter((s): s is string => !!s);
}

/** Fails when any recorded response holds a stored secret, a password, or an API token outside its one issuing answer. */
export function expectNoSecretsLeaked(
  responses: RecordedResponse[],
  secrets: string[],
  passwords: string[],
  issuedTokens: string[],
): void {
  expect(responses.length).toBeGreaterThan(0);
  for (const response of responses) {
    const text = response.headers + response.body;
    expect(text, `${response.method} ${response.url}`).not.toMatch(/scrypt\$/);
    for (const secret of [...secrets, ...passwords])
      expect(text.includes(secret), `${response.method} ${response.url} leaks a secret`).toBe(false);
  }
  for (const token of issuedTokens) {
    const showing = responses.filter((r) => (r.headers + r.body).includes(token));
    expect(
      showing.map((r) => `${r.method} ${r.url} ${r.status}`),
      'a token is shown exactly once, when issued',
    ).toEqual(['POST /api/tokens 200']);
  }
}
