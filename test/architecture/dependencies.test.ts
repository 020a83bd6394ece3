import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers point one way (docs/architecture.md). dependency-cruiser reads every import, type-only
 * ones included; its own rules (.dependency-cruiser.cjs) check modules, this test checks folders.
 */
const require = createRequire(import.meta.url);
const CONFIG = require(path.resolve('.dependency-cruiser.cjs'));

let result: ICruiseResult;
beforeAll(async () => {
  const answer = await cruise(['server', 'client', 'scripts'], {
    ...CONFIG.options,
    validate: true,
    ruleSet: { forbidden: CONFIG.forbidden },
  });
  result = answer.output as ICruiseResult;
}, 120_000);

type Graph = Map<string, Set<string>>;

/** Import edges between folders; `unit` names the folder a file belongs to (or undefined: not checked). */
function folderGraph(unit: (file: string) => string | undefined): Graph {
  const graph: Graph = new Map();
  for (const module of result.modules) {
    const from = unit(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = unit(dependency.resolved);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every strongly connected group of two or more folders (Tarjan): each is an import cycle. */
function cycles(graph: Graph): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

const inScope = (file: string) => /^(server|client)\//.test(file);

describe('dependencies', () => {
  it('break no module rule: no module cycle, http/ and db/ import no feature, the client sees only server/shared', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
  });

  it('form no cycle between the feature folders of server/ and client/', () => {
    const feature = (file: string) => (inScope(file) ? file.split('/').slice(0, 2).join('/') : undefined);
    expect(cycles(folderGraph(feature))).toEqual([]);
  });

  it('form no cycle between any two folders, sub-folders included', () => {
    const folder = (file: string) => (inScope(file) ? path.dirname(file) : undefined);
    expect(cycles(folderGraph(folder))).toEqual([]);
  });

  it('are read from every source file (the TypeScript parser is installed)', () => {
    const sources = result.modules.filter((m) => /^server\/.*\.ts$/.test(m.source));
    expect(sources.length).toBeGreaterThan(150);
    expect(result.modules.find((m) => m.source === 'server/app/compose.ts')?.dependencies.length).toBeGreaterThan(10);
  });
});
