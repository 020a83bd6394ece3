import { type Kysely, type Migration, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../server/db/migrations/index';
import { requestLevel } from '../../server/approvals/approval.repository';
import { listApprovals } from '../../server/approvals/approval.service';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { describePart } from '../../server/rounds/part.service';
import { seededDatabase, type TestDatabase } from '../helpers/database';

const LEVELS = '2026-12-02T1510_approval-levels';
const BEFORE = Object.keys(migrations).sort()[Object.keys(migrations).sort().indexOf(LEVELS) - 1]!;

let database: TestDatabase;
afterEach(async () => database?.dispose());

// biome-ignore lint/suspicious/noExplicitAny: the test writes tables as they were before the migration, outside the app's types
const raw = (db: TestDatabase['db']) => db as unknown as Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
const migrator = (db: Kysely<any>) =>
  new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations } });

const AT = '2026-11-30T10:00:00.000Z';
const round = (id: number, twoLevel: boolean) => ({
  id,
  name: `Round ${id}`,
  indicators: '["ICCS0101"]',
  periods: '["2023"]',
  geos: '["NL","DE","FR","IT"]',
  opens_on: '2026-11-01',
  due_on: '2026-12-31',
  locks_on: '2027-01-31',
  clean_validation: 0,
  two_level_approval: twoLevel ? 1 : 0,
  guidance: '',
  version: 1,
  created_by: 'sec@observatory.eu',
  created_at: AT,
  updated_at: AT,
});
const part = (roundId: number, geo: string, state: string, approved = false, accepted = false) => ({
  round_id: roundId,
  geo,
  state,
  completed_at: state === 'open' ? null : AT,
  completed_by: state === 'open' ? null : `cp-${geo}`,
  approved_at: approved ? '2026-12-01T09:00:00.000Z' : null,
  approved_by: approved ? `rep-${geo}` : null,
  accepted_at: accepted ? '2026-12-02T09:00:00.000Z' : null,
  accepted_by: accepted ? 'sec@observatory.eu' : null,
});

/** The database as it stood before the migration: submission approvals and parts decided the old way. */
// biome-ignore lint/suspicious/noExplicitAny: as above
async function oldRows(db: Kysely<any>) {
  const submissions = await db.selectFrom('submissions').select(['id', 'geo']).orderBy('id').limit(2).execute();
  expect(submissions).toHaveLength(2);
  const [a, b] = submissions as [{ id: number; geo: string }, { id: number; geo: string }];
  const approvals = [
    {
      id: 7,
      submission_id: a.id,
      geo: a.geo,
      requested_by: 'cp@x',
      requested_at: AT,
      decision: 'approved',
      decided_by: 'sec',
      decided_at: AT,
      message: 'fine',
    },
    {
      id: 12,
      submission_id: b.id,
      geo: b.geo,
      requested_by: 'cp@y',
      requested_at: AT,
      decision: null,
      decided_by: null,
      decided_at: null,
      message: null,
    },
  ];
  await db.insertInto('submission_approvals').values(approvals).execute();
  await db
    .insertInto('collection_rounds')
    .values([round(901, true), round(902, false)])
    .execute();
  await db
    .insertInto('round_parts')
    .values([
      part(901, 'NL', 'complete'),
      part(901, 'DE', 'approved', true),
      part(901, 'FR', 'accepted', true, true),
      part(901, 'IT', 'open'),
      part(902, 'NL', 'complete'),
    ])
    .execute();
  return approvals;
}

const levelRows = (db: TestDatabase['db']) =>
  db
    .selectFrom('approvals')
    .select(['round_id', 'geo', 'level', 'decision', 'decided_by', 'requested_by'])
    .where('subject', '=', 'round-part')
    .orderBy('round_id')
    .orderBy('geo')
    .orderBy('id')
    .execute();

describe(`the frozen migration ${LEVELS}`, () => {
  it('carries submission approvals (with their ids) and round-part decisions into one approvals table, and back', async () => {
    database = await seededDatabase();
    const db = raw(database.db);
    const down = await migrator(db).migrateTo(BEFORE);
    expect(down.results?.every((r) => r.status === 'Success')).toBe(true);
    const approvals = await oldRows(db);

    const up = await migrator(db).migrateToLatest();
    expect(up.results?.map((r) => [r.migrationName, r.status])).toContainEqual([LEVELS, 'Success']);
    const carried = await database.db
      .selectFrom('approvals')
      .select(['id', 'submission_id', 'geo', 'level', 'decision', 'decided_by', 'message'])
      .where('subject', '=', 'submission')
      .orderBy('id')
      .execute();
    expect(carried).toEqual(
      approvals.map((a) => ({
        id: a.id,
        submission_id: a.submission_id,
        geo: a.geo,
        level: 'secretariat',
        decision: a.decision,
        decided_by: a.decided_by,
        message: a.message,
      })),
    );
    expect(await levelRows(database.db)).toEqual([
      {
        round_id: 901,
        geo: 'DE',
        level: 'national',
        decision: 'approved',
        decided_by: 'rep-DE',
        requested_by: 'cp-DE',
      },
      { round_id: 901, geo: 'DE', level: 'secretariat', decision: null, decided_by: null, requested_by: 'rep-DE' },
      {
        round_id: 901,
        geo: 'FR',
        level: 'national',
        decision: 'approved',
        decided_by: 'rep-FR',
        requested_by: 'cp-FR',
      },
      {
        round_id: 901,
        geo: 'FR',
        level: 'secretariat',
        decision: 'approved',
        decided_by: 'sec@observatory.eu',
        requested_by: 'rep-FR',
      },
      { round_id: 901, geo: 'NL', level: 'national', decision: null, decided_by: null, requested_by: 'cp-NL' },
    ]);

    // The application reads the carried rows as it read the old ones.
    expect(await describePart(database.db, 901, 'FR')).toMatchObject({
      state: 'accepted',
      approvedBy: 'rep-FR',
      acceptedBy: 'sec@observatory.eu',
    });
    const listed = await listApprovals(database.db, SYSTEM_ACTOR, {}, 10, 0);
    expect(listed.rows.map((r) => [r.id, r.decision])).toEqual([
      [12, null],
      [7, 'approved'],
    ]);

    // The next request gets a fresh id on both engines (PostgreSQL's sequence was moved past the carried ids).
    await requestLevel(
      database.db,
      { kind: 'submission', submissionId: approvals[0]!.submission_id, geo: approvals[0]!.geo },
      'secretariat',
      { by: 'cp@x', at: AT },
    );
    const newest = await database.db
      .selectFrom('approvals')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(newest.id).toBeGreaterThan(12);

    // Down: the old table with the same ids, and the parts' columns filled from the standing approvals.
    await migrator(db).migrateTo(BEFORE);
    const restored = await db.selectFrom('submission_approvals').select(['id', 'decision']).orderBy('id').execute();
    expect(restored.map((r) => r.id).slice(0, 2)).toEqual([7, 12]);
    const parts = await db
      .selectFrom('round_parts')
      .select(['geo', 'state', 'approved_by', 'accepted_by'])
      .where('round_id', '=', 901)
      .orderBy('geo')
      .execute();
    expect(parts).toEqual([
      { geo: 'DE', state: 'approved', approved_by: 'rep-DE', accepted_by: null },
      { geo: 'FR', state: 'accepted', approved_by: 'rep-FR', accepted_by: 'sec@observatory.eu' },
      { geo: 'IT', state: 'open', approved_by: null, accepted_by: null },
      { geo: 'NL', state: 'complete', approved_by: null, accepted_by: null },
    ]);
    const again = await migrator(db).migrateToLatest();
    expect(again.results?.every((r) => r.status === 'Success')).toBe(true);
  });
});
