import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

/** The size budget of the web bundle: the JavaScript the home view (Explore) needs, gzip. */
const BUDGET_KB = 150;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

let outDir: string;
let manifest: Record<string, ManifestChunk>;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'observatory-bundle-'));
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
  });
  manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A chunk and everything it imports statically. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const child of manifest[key]?.imports ?? []) closure(child, seen);
  return seen;
}

/** The dashboard's entry (index.html); embed.html is the other page (the embed route). */
const entryOf = (page: string) => Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith(page))!;
const gzipKb = (chunks: Set<string>) =>
  [...chunks].reduce(
    (sum, key) => sum + gzipSync(readFileSync(path.join(outDir, manifest[key]!.file)), { level: 9 }).length,
    0,
  ) / 1024;

describe('web bundle budget', () => {
  it(`keeps the initial JavaScript (entry + Explore view) under ${BUDGET_KB} KB gzip`, () => {
    const entry = entryOf('index.html');
    const explore = Object.keys(manifest).find((k) => k.endsWith('views/explore/index.ts'))!;
    expect(entry).toBeDefined();
    expect(explore).toBeDefined();
    const chunks = new Set([...closure(entry), ...closure(explore)]);
    const gz = [...chunks].reduce(
      (sum, key) => sum + gzipSync(readFileSync(path.join(outDir, manifest[key]!.file)), { level: 9 }).length,
      0,
    );
    expect(gz).toBeGreaterThan(5 * 1024);
    expect(gz / 1024).toBeLessThanOrEqual(BUDGET_KB);
  });

  it('loads the other views, the upload parser and the map geometry only when needed', () => {
    const entry = entryOf('index.html');
    const initial = closure(entry);
    expect(manifest[entry]!.dynamicImports?.length).toBeGreaterThanOrEqual(8);
    expect([...initial].some((k) => k.includes('views/upload') || k.includes('papaparse'))).toBe(false);
    expect(readFileSync(path.join(outDir, manifest[entry]!.file), 'utf8')).not.toContain('"FeatureCollection"');
  });

  it(`keeps the embed page's JavaScript (its own entry, no router or shell) under ${BUDGET_KB} KB gzip`, () => {
    const embed = entryOf('embed.html');
    expect(embed).toBeDefined();
    const chunks = closure(embed);
    expect([...chunks].some((k) => k.endsWith('router.ts') || k.includes('views/upload'))).toBe(false);
    expect(gzipKb(chunks)).toBeGreaterThan(5);
    expect(gzipKb(chunks)).toBeLessThanOrEqual(BUDGET_KB);
  });
});
