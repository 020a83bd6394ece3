import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../../shared/roles';

export interface UserTable {
  id: Generated<number>;
  /** Lower-cased; unique. */
  email: string;
  display_name: string | null;
  role: Role;
  /** The geos a contact point acts for, comma-separated (e.g. "NL,BE"); empty for the other roles. */
  geos: string;
  /** scrypt hash with its own salt; null until the user sets a password through a one-time link. */
  password_hash: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** The language e-mails and notices are written in (en, nl, fr, de); null until first sign-in or chosen. */
  language: string | null;
  password_changed_at: string | null;
}

/** A signed-in browser. Only a hash of the session id is stored, so a database leak cannot replay it. */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The first characters of the token, so its owner can recognise it in a list. */
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type SessionRow = Selectable<SessionTable>;
