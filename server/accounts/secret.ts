import { createHash, randomBytes } from 'node:crypto';

/** A random secret (session id, API token, reset token, CSRF token), URL-safe, 256 bits by default. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** How secrets are stored: SHA-256 is enough for 256-bit random values, which cannot be guessed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
