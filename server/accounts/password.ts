import type { LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's scrypt floor is N=2^17 with r=8; 2^15 keeps a sign-in near 50 ms on a small server
// while still costing an attacker 32 MiB of memory per guess.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 128 * options.N! * options.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A self-describing hash: scrypt$N$r$p$salt$key, with a fresh 16-byte salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check, so response time does not reveal unknown accounts.
    await derive(password, randomBytes(16), COST);
    return false;
  }
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key!, 'base64url');
  const actual = await derive(password, Buffer.from(salt!, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Why a password is not acceptable, or null when it is. */
export function passwordRule(password: string, email?: string): LocalisedText | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return { key: 'accounts.password-too-short', params: { minimum: MIN_PASSWORD_LENGTH, length } };
  if (length > MAX_PASSWORD_LENGTH)
    return { key: 'accounts.password-too-long', params: { maximum: MAX_PASSWORD_LENGTH } };
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return { key: 'accounts.password-is-email' };
  if (new Set(password).size < 4) return { key: 'accounts.password-too-plain' };
  return null;
}

/** The password rule a password breaks, in English (the command-line tools), or null. */
export function passwordProblem(password: string, email?: string): string | null {
  const rule = passwordRule(password, email);
  return rule && translate('en', rule);
}
