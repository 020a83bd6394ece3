import { z } from 'zod';
import { ROLES } from '../roles';
import { LOCALES } from '../i18n/locales';

/** A user account as the API shows it: never a password hash, secret or token. */
export const UserViewSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ROLES),
  geos: z.array(z.string()),
  active: z.boolean(),
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  passwordChangedAt: z.string().nullable(),
  /** The language e-mails and notices are written in; null until first sign-in or chosen. */
  language: z.enum(LOCALES).nullable(),
});

/** An API token as the API shows it: its prefix only, never the secret. */
export const TokenViewSchema = z.object({
  id: z.number(),
  userId: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Who is signed in, as GET and POST /api/session answer it. */
export const SessionAnswerSchema = z.object({
  user: UserViewSchema.nullable(),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export type UserView = z.infer<typeof UserViewSchema>;
export type TokenView = z.infer<typeof TokenViewSchema>;
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>;

/** GET /api/users. */
export const UsersAnswerSchema = z.object({ data: z.array(UserViewSchema), meta: z.object({ count: z.number() }) });

/** POST /api/users: the new account, and the one-time link that sets its first password (shown once). */
export const CreatedUserAnswerSchema = z.object({
  user: UserViewSchema,
  setPasswordLink: z.string(),
  linkExpiresAt: z.string(),
});

/** POST /api/users/:id/reset-link: a one-time link that sets a new password (earlier links stop working). */
export const PasswordLinkAnswerSchema = z.object({ userId: z.number(), link: z.string(), expiresAt: z.string() });

/** POST /api/password-reset. */
export const PasswordSetAnswerSchema = z.object({
  passwordSet: z.literal(true),
  email: z.string(),
  tokensRevoked: z.number().describe('API tokens revoked because the password changed'),
  notice: z.string().nullable().describe('What the revocation means for the user, when tokens were revoked'),
});

/** GET /api/tokens. */
export const TokensAnswerSchema = z.object({ data: z.array(TokenViewSchema), meta: z.object({ count: z.number() }) });

/** POST /api/tokens: the token itself, shown only in this answer. */
export const IssuedTokenAnswerSchema = TokenViewSchema.extend({ token: z.string(), note: z.string() });

export type UsersAnswer = z.infer<typeof UsersAnswerSchema>;
export type CreatedUserAnswer = z.infer<typeof CreatedUserAnswerSchema>;
export type PasswordLinkAnswer = z.infer<typeof PasswordLinkAnswerSchema>;
export type PasswordSetAnswer = z.infer<typeof PasswordSetAnswerSchema>;
export type TokensAnswer = z.infer<typeof TokensAnswerSchema>;
export type IssuedTokenAnswer = z.infer<typeof IssuedTokenAnswerSchema>;
