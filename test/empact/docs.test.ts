import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/app/compose';
import { RAG_THRESHOLDS } from '../../server/empact/kpi.progress';

const doc = readFileSync(new URL('../../docs/empact.md', import.meta.url), 'utf8');

describe('docs/empact.md', () => {
  it('states the RAG thresholds the code uses', () => {
    expect(doc).toContain(`progress ≥ ${RAG_THRESHOLDS.green} × expected`);
    expect(doc).toContain(`progress ≥ ${RAG_THRESHOLDS.amber} × expected`);
  });

  it('lists every EMPACT route, and no route that does not exist', () => {
    const routes = apiRoutes
      .filter((r) => r.path.startsWith('/api/empact'))
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const documented = [...doc.matchAll(/`((?:GET|POST|PUT) \/api\/empact[^`]*)`/g)].map((m) =>
      m[1]!.replace(/\?.*$/, ''),
    );
    expect(new Set(documented)).toEqual(new Set(routes));
  });
});
