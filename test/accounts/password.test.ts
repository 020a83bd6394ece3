import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../server/accounts/password';
import { readCookie, sessionCookie } from '../../server/accounts/cookie';
import { retryAfterFailures } from '../../server/accounts/login-limiter';
import { expectNoSecretsLeaked } from './fixture';

describe('password hashing', () => {
  it('uses scrypt with a fresh salt per password and verifies only the right password', async () => {
    const a = await hashPassword('a long enough passphrase');
    const b = await hashPassword('a long enough passphrase');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('a long enough passphrase', a)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', a)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', null)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', 'plain text')).toBe(false);
  });

  it('asks for at least 12 characters, not the email, not one repeated character', () => {
    expect(passwordProblem('eleven char')).toContain('at least 12 characters; this one has 11');
    expect(passwordProblem('twelve chars')).toBeNull();
    expect(passwordProblem('ann@police.nl', 'Ann@police.nl')).toContain('email');
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toContain('different characters');
    expect(passwordProblem('x'.repeat(300))).toContain('at most');
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, site-wide, Secure only over HTTPS, and read back from a Cookie header', () => {
    expect(sessionCookie('abc', { maxAge: 60, secure: false })).toBe(
      'observatory_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie('abc', { maxAge: 60, secure: true })).toMatch(/; Secure$/);
    expect(readCookie('theme=dark; observatory_session=abc%2Bd; other=1', 'observatory_session')).toBe('abc+d');
    expect(readCookie('observatory_session_x=1', 'observatory_session')).toBeUndefined();
    expect(readCookie(undefined, 'observatory_session')).toBeUndefined();
  });
});

describe('login limiter', () => {
  it('refuses an address after too many failures within the window, and forgets them afterwards', () => {
    const rule = { maxFailures: 3, windowMs: 1000 };
    expect(retryAfterFailures([20, 10, 0], 30, rule)).toBe(970);
    expect(retryAfterFailures([20, 10], 30, rule)).toBe(0);
    expect(retryAfterFailures([25, 20, 10, 0], 30, rule)).toBe(980);
    expect(retryAfterFailures([20, 10, 0], 1001, rule)).toBe(0);
  });
});

describe('the leak detector used by the API tests', () => {
  it('catches a hash, a password, or a token shown twice', () => {
    const response = (body: string, url = '/api/x') => ({ method: 'GET', url, status: 200, headers: '{}', body });
    expect(() => expectNoSecretsLeaked([response('{"h":"scrypt$32768$8$1$a$b"}')], [], [], [])).toThrow();
    expect(() => expectNoSecretsLeaked([response('my long password')], [], ['my long password'], [])).toThrow();
    const issuing = { ...response('cpo_abc', '/api/tokens'), method: 'POST' };
    expect(() => expectNoSecretsLeaked([issuing], [], [], ['cpo_abc'])).not.toThrow();
    expect(() => expectNoSecretsLeaked([issuing, response('cpo_abc')], [], [], ['cpo_abc'])).toThrow();
  });
});
