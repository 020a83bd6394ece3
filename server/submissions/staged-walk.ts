import type { DbOrTx } from '../db/database';
import { type PublishedCell, publishedCellsOf } from './published-cells';
import { type StagedCell, stagedCells } from './staged-merge';

/**
 * One step of a walk in key order: a staged cell with its published version (null: a new cell), or a
 * published cell of an indicator in the file that the file leaves out (staged null).
 */
export interface WalkStep {
  staged: StagedCell | null;
  published: PublishedCell | null;
}

function before(p: PublishedCell, s: StagedCell): boolean {
  const c = s.first;
  return p.geo < c.geo || (p.geo === c.geo && p.period < c.period);
}

/**
 * Walks a submission's staged cells and the published cells of the same indicators in `geos`, side by
 * side in key order, in batches. Memory holds one part per staged run and one indicator's published
 * cells at a time. The checks, the diff and the commit all read a submission this way.
 */
export async function* walkSubmission(db: DbOrTx, submissionId: number, geos: string[]): AsyncGenerator<WalkStep[]> {
  let indicator: string | null = null;
  let published: PublishedCell[] = [];
  let at = 0;
  for await (const batch of stagedCells(db, submissionId)) {
    const steps: WalkStep[] = [];
    for (const staged of batch) {
      if (staged.first.indicator !== indicator) {
        while (at < published.length) steps.push({ staged: null, published: published[at++]! });
        indicator = staged.first.indicator;
        published = await publishedCellsOf(db, indicator, geos);
        at = 0;
      }
      while (at < published.length && before(published[at]!, staged)) steps.push({ staged: null, published: published[at++]! });
      const p = published[at];
      const match = p !== undefined && p.geo === staged.first.geo && p.period === staged.first.period;
      if (match) at++;
      steps.push({ staged, published: match ? p : null });
    }
    yield steps;
  }
  const rest: WalkStep[] = [];
  while (at < published.length) rest.push({ staged: null, published: published[at++]! });
  if (rest.length) yield rest;
}
