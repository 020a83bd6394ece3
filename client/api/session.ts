import type { SessionAnswer, UserView } from '../../server/shared/api/accounts';
import type { Role } from '../../server/shared/roles';
import { forgetAnswers, getFresh, readAnswer, sendJson, setCsrfToken, writeHeaders } from './client';

/** Who is signed in, as GET /api/session answers it. */
export type SessionState = SessionAnswer;

export type { Role, UserView };

const SIGNED_OUT: SessionState = { user: null, via: null, csrfToken: null, expiresAt: null };

let current: SessionState = SIGNED_OUT;
const listeners = new Set<(session: SessionState) => void>();

/** The session every view reads (the server still checks every request). */
export function currentSession(): SessionState {
  return current;
}

export function onSessionChange(listener: (session: SessionState) => void): void {
  listeners.add(listener);
}

function setSession(next: SessionState): void {
  current = next;
  setCsrfToken(next.csrfToken);
  // Remembered answers belong to the previous account (import profiles, scoped lists).
  forgetAnswers();
  for (const listener of listeners) listener(next);
}

let firstLoad: Promise<SessionState> | null = null;

/** The session once the dashboard has asked for it (account views wait for this; public views need not). */
export function sessionLoaded(): Promise<SessionState> {
  firstLoad ??= loadSession();
  // The session as it is now: signing in or out after the first load changes it.
  return firstLoad.then(() => current);
}

/** Asks the server who is signed in; a failure leaves the dashboard signed out. */
export async function loadSession(): Promise<SessionState> {
  try {
    setSession({ ...SIGNED_OUT, ...(await getFresh<SessionState>('/api/session')) });
  } catch {
    setSession(SIGNED_OUT);
  }
  return current;
}

export async function signIn(email: string, password: string): Promise<SessionState> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: writeHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify({ email, password }),
  });
  setSession({ ...SIGNED_OUT, ...(await readAnswer<SessionState>(response)) });
  return current;
}

export async function signOut(): Promise<void> {
  try {
    await sendJson('DELETE', '/api/session');
  } finally {
    setSession(SIGNED_OUT);
  }
}

export function hasRole(session: SessionState, ...roles: Role[]): boolean {
  return session.user !== null && roles.includes(session.user.role);
}

/** Which account views a role may open (the header shows only these). */
export function viewsFor(role: Role | null): string[] {
  if (role === 'contact_point') return ['my-country', 'upload', 'labels'];
  if (role === 'curator') return ['review'];
  if (role === 'secretariat') return ['my-country', 'upload', 'review', 'approvals', 'users', 'audit', 'labels'];
  return [];
}
