import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative module a file imports (static, type-only, dynamic, re-exports), as a path from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!.replace(/\?.*$/, ''));
  return specifiers.map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s)));
}

describe('what the dashboard imports from the server', () => {
  it('reads only server/shared/', () => {
    const outside = sources(path.join(ROOT, 'client')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('server/') && !target.startsWith('server/shared/'))
        .map((target) => `${path.relative(ROOT, file)} -> ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('keeps no hand-written copy of an answer in client/api/types.ts: it only re-exports the shared types', () => {
    const text = readFileSync(path.join(ROOT, 'client/api/types.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(text).not.toMatch(/\binterface\b|\btype\s+\w+\s*(<[^>]*>)?\s*=/);
    expect(
      importsOf(path.join(ROOT, 'client/api/types.ts')).every((target) => target.startsWith('server/shared/api/')),
    ).toBe(true);
  });

  it('finds the imports it checks', () => {
    const compare = importsOf(path.join(ROOT, 'client/views/compare/state.ts'));
    expect(compare).toContain('server/shared/i18n/format');
    expect(compare).toContain('client/api/client');
    expect(importsOf(path.join(ROOT, 'client/views/compare/scope.ts'))).toContain('server/shared/reference-group');
  });
});
