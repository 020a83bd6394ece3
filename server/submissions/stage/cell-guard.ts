import type { DbOrTx } from '../../db/database';
import type { StoredCell } from '../../db/publish-writer';
import type { PublishedCell } from './published-cells';
import { walkSubmission } from './staged-walk';
import { submissionScope } from '../store/submission-scope';

/** A cell's key, as a guard sees it. */
export interface CellKey {
  geo: string;
  indicator: string;
  period: string;
}

/**
 * A check on the cells a submission would add or change, run inside the transaction that stages,
 * queues or publishes them, so that what it reads cannot change before that transaction ends. Other
 * features supply guards (the composition root hands the rounds' locks to the submission routes).
 * A guard is used once: `begin` reads what it needs, `changed` hears each cell in the walk (it must not
 * query: on PostgreSQL the commit's connection is busy writing), and `end` throws to refuse, which
 * rolls the transaction back.
 */
export interface CellGuard {
  begin(tx: DbOrTx, at: Date): Promise<void>;
  changed(cell: CellKey): void;
  end(): void;
  /** What the guard tells the answer about the cells it heard (the rounds' locks: cells in and outside rounds). */
  readonly coverage?: { cellsInRounds: number; cellsOutsideRounds: number };
}

/** A guard's factory: each transaction gets a fresh one. */
export type CellGuardFactory = () => CellGuard;

/** True when a staged cell would add or change a published one (unchanged cells touch nothing). */
export function isChange(staged: StoredCell, published: PublishedCell | null): boolean {
  return !published || published.value !== staged.value || published.flags !== staged.flags;
}

/** Runs a guard over a staged submission's changed cells, inside `tx`. */
export async function guardStaged(tx: DbOrTx, submissionId: number, geo: string, guard: CellGuard, at: Date) {
  await guard.begin(tx, at);
  await walkSubmission(tx, submissionId, await submissionScope(tx, geo), {
    visit(staged, published) {
      if (staged && isChange(staged.first, published)) guard.changed(staged.first);
    },
  });
  guard.end();
}
