import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { useSeededApp } from '../helpers/context';
import { CONFIG_VARIABLES } from '../../server/config/config';

const ROOT = path.resolve(DATA_DIR, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const DOCS = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));

/** Relative links to Markdown files in a page (`[text](docs/ingest.md#anchor)`), without their anchors. */
function markdownLinks(page: string): string[] {
  return [...page.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** Every file under a folder, recursively, whose name ends in one of `extensions`. */
function sourceFiles(folder: string, extensions: string[]): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(path.join(ROOT, file)).isDirectory()) return sourceFiles(file, extensions);
    return extensions.some((ext) => name.endsWith(ext)) ? [file] : [];
  });
}

const CODE = [
  ...sourceFiles('server', ['.ts']),
  ...sourceFiles('scripts', ['.ts', '.sh']),
  ...sourceFiles('test/helpers', ['.ts']),
]
  .map(read)
  .join('\n');

describe('the README is a front door', () => {
  it('stays short: under 220 lines, the rest lives in docs/', () => {
    expect(README.split('\n').length).toBeLessThan(220);
  });

  it('links only to Markdown files that exist, and so do the pages in docs/', () => {
    const missing = [
      ...markdownLinks(README)
        .filter((target) => !existsSync(path.join(ROOT, target)))
        .map((target) => `README.md → ${target}`),
      ...DOCS.flatMap((page) =>
        markdownLinks(read(`docs/${page}`))
          .filter((target) => !existsSync(path.join(ROOT, 'docs', target)))
          .map((target) => `docs/${page} → ${target}`),
      ),
    ];
    expect(missing).toEqual([]);
  });

  it('links every page in docs/', () => {
    const linked = new Set(markdownLinks(README));
    expect(DOCS.filter((page) => !linked.has(`docs/${page}`))).toEqual([]);
  });

  it('lists every environment variable the code reads, and none that it does not', () => {
    // `env.NAME`, `env['NAME']`, `{ env: 'NAME' }`, and the keys of the configuration's zod schema.
    const inCode = [...CODE.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]*)|\benv: '([A-Z][A-Z0-9_]*)'/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    const inSchema: string[] = CONFIG_VARIABLES;
    const readByCode = new Set([...inCode, ...inSchema].filter((name) => name !== 'NODE_ENV'));
    const start = README.indexOf('## Configuration');
    const configuration = README.slice(start, README.indexOf('\n## ', start + 1));
    const rows = configuration.matchAll(/^\| `([A-Z][A-Z0-9_]*)`(?:, `([A-Z][A-Z0-9_]*)`)?/gm);
    const listed = new Set([...rows].flatMap((m) => [m[1]!, m[2]].filter((name) => name !== undefined)));
    expect([...readByCode].filter((name) => !listed.has(name)).sort()).toEqual([]);
    expect([...listed].filter((name) => !new RegExp(`\\b${name}\\b`).test(CODE)).sort()).toEqual([]);
  });
});

describe('docs/methodology.md', () => {
  const ctx = useSeededApp();

  it('quotes an alert the seeded data really raises', async () => {
    const quoted = read('docs/methodology.md').match(/^> (.+ per 100k in .+)$/m)?.[1];
    expect(quoted).toBeDefined();
    const period = quoted!.match(/ in (\d{4}) \(/)![1];
    const answer = await ctx.request().get(`/api/alerts?period=${period}&group=EU27_2020`).expect(200);
    expect(answer.body.alerts.map((a: { explanation: string }) => a.explanation)).toContain(quoted);
  });
});
