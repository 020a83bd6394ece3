import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { type Actor, actorName } from '../http/actor';
import { badRequest, conflict, notFound } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import type { RoundDetail, RoundInput, RoundSummary } from '../shared/api/rounds';
import { isAfter, roundStatus, startOfDay, today } from './round-dates';
import {
  ensureParts,
  findRound,
  lockExceptionsOf,
  type Round,
  roundColumns,
  roundInputOf,
  roundVersions,
} from './round.repository';

export interface RoundEvent {
  actor: Actor;
  ip: string;
  now?: Date;
}

/** Refuses dates that cannot work: each message says which dates clash and how to fix them. */
function assertDates(input: RoundInput, now: Date, lockChanged: boolean): void {
  if (input.dueOn < input.opensOn) {
    throw badRequest(
      { key: 'rounds.due-before-open', params: { dueOn: input.dueOn, opensOn: input.opensOn } },
      { field: 'dueOn' },
    );
  }
  if (input.dueOn > input.locksOn) {
    throw badRequest(
      { key: 'rounds.due-after-lock', params: { dueOn: input.dueOn, locksOn: input.locksOn } },
      { field: 'locksOn' },
    );
  }
  if (lockChanged && isAfter(input.locksOn, now)) {
    throw badRequest(
      { key: 'rounds.lock-in-past', params: { locksOn: input.locksOn, today: today(now) } },
      { field: 'locksOn' },
    );
  }
}

/** Geos must be countries or regions of the catalogue; an aggregate (EU27_2020) reports through its members. */
async function assertCodes(db: DbOrTx, input: RoundInput): Promise<void> {
  await assertKnownCodes(db, 'indicator', input.indicators);
  await assertKnownCodes(db, 'geo', input.geos);
  const aggregates = await db
    .selectFrom('geos')
    .select('code')
    .where('code', 'in', input.geos)
    .where('kind', '=', 'aggregate')
    .execute();
  if (aggregates.length) {
    const list = aggregates.map((g) => g.code).join(', ');
    throw badRequest(
      { key: 'rounds.aggregates', params: { list, count: aggregates.length } },
      { geo: aggregates.map((g) => g.code) },
    );
  }
}

async function recordVersion(
  db: DbOrTx,
  round: { id: number; version: number },
  input: RoundInput,
  by: string,
  at: string,
  afterOpening: boolean,
) {
  await db
    .insertInto('collection_round_versions')
    .values({
      round_id: round.id,
      version: round.version,
      definition: JSON.stringify(input),
      changed_by: by,
      changed_at: at,
      after_opening: afterOpening ? 1 : 0,
    })
    .execute();
}

export async function createRound(db: Db, input: RoundInput, event: RoundEvent): Promise<RoundDetail> {
  const now = event.now ?? new Date();
  assertDates(input, now, true);
  await assertCodes(db, input);
  const at = now.toISOString();
  const by = actorName(event.actor);
  const id = await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('collection_rounds')
      .values({ ...roundColumns(input), version: 1, created_by: by, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ensureParts(tx, inserted.id, input.geos);
    await recordVersion(tx, { id: inserted.id, version: 1 }, input, by, at, false);
    await appendAudit(tx, {
      ...event,
      at: now,
      action: 'round.create',
      target: `round/${inserted.id}`,
      detail: { name: input.name },
    });
    return inserted.id;
  });
  return describeRound(db, id, now);
}

/**
 * Replaces a round's definition with a new version; the previous versions stay. `expectedVersion`
 * guards against two secretariat members editing at once: the second is told to reload.
 */
export async function updateRound(
  db: Db,
  id: number,
  input: RoundInput,
  expectedVersion: number | undefined,
  event: RoundEvent,
): Promise<RoundDetail> {
  const now = event.now ?? new Date();
  const current = await findRound(db, id);
  if (!current) throw notFound({ key: 'rounds.missing', params: { id: String(id) } });
  assertDates(input, now, input.locksOn !== current.row.locks_on);
  await assertCodes(db, input);
  const afterOpening = now.getTime() >= startOfDay(current.row.opens_on).getTime();
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const version = current.row.version + 1;
    const moved = await tx
      .updateTable('collection_rounds')
      .set({ ...roundColumns(input), version, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expectedVersion ?? current.row.version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw conflict({
        key: 'rounds.changed-by-someone',
        params: { id: String(id), version: String(expectedVersion ?? current.row.version) },
      });
    }
    await ensureParts(tx, id, input.geos);
    await recordVersion(tx, { id, version }, input, actorName(event.actor), at, afterOpening);
    await appendAudit(tx, {
      ...event,
      at: now,
      action: 'round.update',
      target: `round/${id}`,
      detail: { version, afterOpening, changed: changedFields(roundInputOf(current), input) },
    });
  });
  return describeRound(db, id, now);
}

function changedFields(before: RoundInput, after: RoundInput): string[] {
  return (Object.keys(after) as (keyof RoundInput)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export function summariseRound(round: Round, now: Date): RoundSummary {
  return {
    id: round.id,
    ...roundInputOf(round),
    version: round.row.version,
    status: roundStatus(round.row, now),
    createdBy: round.row.created_by,
    updatedAt: round.row.updated_at,
  };
}

export async function describeRound(db: DbOrTx, id: number, now = new Date()): Promise<RoundDetail> {
  const round = await findRound(db, id);
  if (!round) throw notFound({ key: 'rounds.missing', params: { id: String(id) } });
  const versions = await roundVersions(db, id);
  const exceptions = await lockExceptionsOf(db, id);
  return {
    ...summariseRound(round, now),
    changes: versions.map((v) => ({
      version: v.version,
      changedBy: v.changed_by,
      changedAt: v.changed_at,
      afterOpening: v.after_opening === 1,
    })),
    lockExceptions: exceptions.map((e) => ({
      id: e.id,
      geo: e.geo,
      until: e.until,
      reason: e.reason,
      grantedBy: e.granted_by,
      grantedAt: e.granted_at,
      revokedAt: e.revoked_at,
      revokeReason: e.revoke_reason,
    })),
  };
}
