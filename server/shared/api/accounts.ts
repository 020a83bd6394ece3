import { z } from 'zod';
import { ROLES } from '../roles';

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
