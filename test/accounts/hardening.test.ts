import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

const CLIENT_DIR = path.resolve(DATA_DIR, '../client');

function clientFiles(dir = CLIENT_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return clientFiles(file);
    return /\.(ts|html)$/.test(name) ? [file] : [];
  });
}

describe('security headers', () => {
  it('send a strict Content-Security-Policy and the other helmet headers on every answer', async () => {
    const res = await ctx.request().get('/api/health').expect(200);
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('same-origin');
    const missing = await ctx.request().get('/api/nothing').expect(404);
    expect(missing.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
  });

  it('the dashboard source needs nothing the policy forbids: no inline scripts, handlers, style attributes or eval', () => {
    const files = clientFiles();
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    const forbidden: [RegExp, string][] = [
      [/<script(?![^>]*\bsrc=)[^>]*>/i, 'an inline <script>'],
      [/<[a-z][^<>]*\son[a-z]+\s*=/i, 'an inline event handler attribute'],
      [/<[a-z][^<>]*\sstyle\s*=/i, 'a style attribute in markup'],
      [/(attr|setAttribute)\(\s*['"]style['"]/, 'a style attribute set by script'],
      [/<style[\s>]/i, 'an inline <style> block'],
      [/javascript:/i, 'a javascript: URL'],
      [/\beval\(|new Function\(/, 'eval'],
    ];
    const problems = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden
        .filter(([pattern]) => pattern.test(text))
        .map(([, what]) => `${path.relative(CLIENT_DIR, file)}: ${what}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('safe errors', () => {
  it('refuse an oversized JSON body with 413, naming the limit problem', async () => {
    const res = await ctx
      .request()
      .post('/api/session')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('larger than the server accepts');
  });

  it('answer a database failure with a plain 500: no SQL, table names or stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await sql`alter table geos rename to geos_elsewhere`.execute(ctx.db);
    try {
      const res = await ctx.request().get('/api/geos').expect(500);
      expect(res.body).toEqual({
        error: { status: 500, code: 'internal', message: 'An unexpected error occurred. It has been logged.' },
      });
      expect(res.text).not.toMatch(/geos|sqlite|select|no such table|\.ts:\d+/i);
      expect(logged).toHaveBeenCalled();
    } finally {
      await sql`alter table geos_elsewhere rename to geos`.execute(ctx.db);
      logged.mockRestore();
    }
  });
});
