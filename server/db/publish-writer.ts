import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { rawSqliteOf } from './connect';
import type { Db, DbOrTx } from './database';
import { engineOf } from './engine';
import { type CopyIn, copyText, openCopy } from './postgres-sessions';
import type { Selectable } from 'kysely';
import type { ObservationTable } from './tables/observation.table';

/** A validated cell as the writer stores it; submissions' Cell extends it. */
export interface StoredCell {
  geo: string;
  indicator: string;
  period: string;
  periodStart: string;
  value: number | null;
  flags: string;
  note: string | null;
}

/** A cell's current version as stored in observations. */
type PublishedCell = Selectable<ObservationTable>;

/** What a commit writes: new cells, and new versions of published cells (whose old version moves to revisions). */
export interface PublishWriter {
  /** Where the commit reads staged and published cells while it writes (see openPublishWriter). */
  reader: DbOrTx;
  add(cell: StoredCell, revisionId: number): void;
  replace(old: PublishedCell, cell: StoredCell, revisionId: number): void;
  /** Between batches: writes what is buffered once there is enough of it. */
  flush(): Promise<void>;
  /** Writes everything still buffered. */
  finish(): Promise<void>;
  /**
   * After a failure anywhere in the commit: cancels a bulk load in flight, so that the transaction's
   * rollback can run (on PostgreSQL a ROLLBACK would otherwise queue behind the open COPY forever).
   */
  abort(error: Error): void;
}

export interface Publication {
  submissionId: number;
  recordedAt: string;
  /** The source every cell of the commit comes from: part of each cell's key. */
  source: string;
}

const OBSERVATION_COLUMNS = [
  'geo',
  'indicator',
  'period',
  'period_start',
  'value',
  'flags',
  'note',
  'revision_id',
  'submission_id',
  'recorded_at',
  'source',
] as const;
const REVISION_COLUMNS = [
  'id',
  'submission_id',
  'geo',
  'indicator',
  'period',
  'period_start',
  'value',
  'flags',
  'note',
  'recorded_at',
  'source',
] as const;

/**
 * The one engine-specific write of a commit.
 * SQLite: prepared statements on the raw handle (inside the open Kysely transaction it is the same
 * connection); new cells go 64 to a statement. The commit reads through its transaction.
 * PostgreSQL: new cells stream by one COPY into observations on the commit's own connection (`one`,
 * from withOneConnection), kept open while the commit walks on, so PostgreSQL stores rows on one core
 * while JavaScript walks and encodes on the other. The walk therefore reads staged and published
 * cells through a side connection (`side`, see withSideConnection), not the busy one: that sees the same published data, since
 * commits take turns (serialiseCommits holds every other writer of observations off until this one
 * ends) and this commit never reads back what it wrote. Replaced cells go by one INSERT into
 * revisions and one UPDATE of observations per batch, from arrays, between COPYs.
 */
export function openPublishWriter(side: Db | null, one: Db, tx: DbOrTx, publication: Publication): PublishWriter {
  const sqlite = engineOf(tx) === 'sqlite' ? rawSqliteOf(one) : undefined;
  if (sqlite) return sqliteWriter(sqlite, tx, publication);
  if (!side) throw new Error('A PostgreSQL commit reads through a side connection (withSideConnection).');
  return postgresWriter(side, one, tx, publication);
}

function revisionRow(old: PublishedCell): (string | number | null)[] {
  return [
    old.revision_id,
    old.submission_id,
    old.geo,
    old.indicator,
    old.period,
    old.period_start,
    old.value,
    old.flags,
    old.note,
    old.recorded_at,
    old.source,
  ];
}

const ROWS_PER_INSERT = 64;
/** Values bound per row; the submission, the time and the source are the same for every row, bound once by name. */
const ROW_VALUES = 8;

function sqliteWriter(sqlite: SQLite.Database, tx: DbOrTx, p: Publication): PublishWriter {
  const placeholders = '(?, ?, ?, ?, ?, ?, ?, ?, $submission, $recordedAt, $source)';
  const insert = (rows: number) =>
    sqlite.prepare(
      `insert into observations (${OBSERVATION_COLUMNS.join(', ')}) values ${Array.from({ length: rows }, () => placeholders).join(', ')}`,
    );
  const many = insert(ROWS_PER_INSERT);
  const one = insert(1);
  const shared = { submission: p.submissionId, recordedAt: p.recordedAt, source: p.source };
  const keep = sqlite.prepare(
    `insert into revisions (${REVISION_COLUMNS.join(', ')}) values (${REVISION_COLUMNS.map(() => '?').join(', ')})`,
  );
  const update = sqlite.prepare(
    'update observations set value = ?, flags = ?, note = ?, revision_id = ?, submission_id = ?, recorded_at = ? where indicator = ? and geo = ? and period = ? and source = ?',
  );
  // One array refilled for every statement: measured, a fresh array and a row array per cell cost 0.2 s a million.
  const params: (string | number | null)[] = new Array(ROWS_PER_INSERT * ROW_VALUES);
  let rows = 0;
  return {
    reader: tx,
    add(cell, revisionId) {
      const k = rows * ROW_VALUES;
      params[k] = cell.geo;
      params[k + 1] = cell.indicator;
      params[k + 2] = cell.period;
      params[k + 3] = cell.periodStart;
      params[k + 4] = cell.value;
      params[k + 5] = cell.flags;
      params[k + 6] = cell.note;
      params[k + 7] = revisionId;
      if (++rows === ROWS_PER_INSERT) {
        many.run(params, shared);
        rows = 0;
      }
    },
    replace(old, cell, revisionId) {
      keep.run(revisionRow(old));
      update.run(
        cell.value,
        cell.flags,
        cell.note,
        revisionId,
        p.submissionId,
        p.recordedAt,
        cell.indicator,
        cell.geo,
        cell.period,
        p.source,
      );
    },
    async flush() {},
    async finish() {
      for (let r = 0; r < rows; r++) one.run(params.slice(r * ROW_VALUES, (r + 1) * ROW_VALUES), shared);
      rows = 0;
    },
    abort() {},
  };
}

/**
 * One observation as a line of COPY text. Codes, periods and flags passed validation (letters, digits,
 * "-" and "_"), so only the note, free text, is escaped: measured on the 1M-row bench, escaping
 * every field took 2.8 s, this 0.4 s.
 */
function observationLine(cell: StoredCell, revisionId: number, tail: string): string {
  const value = cell.value === null ? '\\N' : String(cell.value);
  return `${cell.geo}\t${cell.indicator}\t${cell.period}\t${cell.periodStart}\t${value}\t${cell.flags}\t${copyText(cell.note)}\t${revisionId}${tail}`;
}

function postgresWriter(side: Db, one: Db, tx: DbOrTx, p: Publication): PublishWriter {
  const tail = `\t${p.submissionId}\t${copyText(p.recordedAt)}\t${copyText(p.source)}\n`;
  let lines = '';
  let copy: CopyIn | null = null;
  let replaced: Replacement[] = [];
  const streamNew = async () => {
    if (!lines) return;
    copy ??= openCopy(one, 'observations', OBSERVATION_COLUMNS) ?? null;
    if (!copy) throw new Error('A PostgreSQL commit runs on one connection (withOneConnection).');
    const chunk = lines;
    lines = '';
    await guarded(copy, () => copy!.write(chunk));
  };
  const endCopy = async () => {
    if (!copy) return;
    const open = copy;
    copy = null;
    await guarded(open, () => open.finish());
  };
  const replaceBuffered = async () => {
    if (!replaced.length) return;
    await endCopy();
    await replaceCells(tx, replaced, p);
    replaced = [];
  };
  return {
    reader: side,
    add(cell, revisionId) {
      lines += observationLine(cell, revisionId, tail);
    },
    replace(old, cell, revisionId) {
      replaced.push({ old, cell, revisionId });
    },
    async flush() {
      await streamNew();
      if (replaced.length >= REPLACED_PER_STATEMENT) await replaceBuffered();
    },
    async finish() {
      await streamNew();
      await endCopy();
      await replaceBuffered();
    },
    abort(error) {
      copy?.abort(error);
      copy = null;
    },
  };
}

/** Replaced cells per INSERT and UPDATE pair: large enough that a statement's fixed cost is spread thin. */
const REPLACED_PER_STATEMENT = 50_000;

/** Runs a step of a COPY; on failure the COPY is cancelled, so the transaction can roll back. */
async function guarded(copy: CopyIn, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    copy.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

interface Replacement {
  old: PublishedCell;
  cell: StoredCell;
  revisionId: number;
}

/** PostgreSQL: the old versions into revisions, then the new ones over them, two statements per batch. */
async function replaceCells(tx: DbOrTx, batch: Replacement[], p: Publication): Promise<void> {
  const old = <T>(pick: (c: PublishedCell) => T) => batch.map((r) => pick(r.old));
  await sql`insert into revisions (${sql.raw(REVISION_COLUMNS.join(', '))})
    select * from unnest(${old((c) => c.revision_id)}::integer[], ${old((c) => c.submission_id)}::integer[], ${old((c) => c.geo)}::text[],
      ${old((c) => c.indicator)}::text[], ${old((c) => c.period)}::text[], ${old((c) => c.period_start)}::text[], ${old((c) => c.value)}::float8[],
      ${old((c) => c.flags)}::text[], ${old((c) => c.note)}::text[], ${old((c) => c.recorded_at)}::text[],
      ${old((c) => c.source)}::text[])`.execute(tx);
  const now = <T>(pick: (r: Replacement) => T) => batch.map(pick);
  await sql`update observations o set value = u.value, flags = u.flags, note = u.note, revision_id = u.revision_id,
      submission_id = ${p.submissionId}, recorded_at = ${p.recordedAt}
    from unnest(${now((r) => r.cell.indicator)}::text[], ${now((r) => r.cell.geo)}::text[], ${now((r) => r.cell.period)}::text[],
      ${now((r) => r.cell.value)}::float8[], ${now((r) => r.cell.flags)}::text[], ${now((r) => r.cell.note)}::text[], ${now((r) => r.revisionId)}::integer[])
      as u(indicator, geo, period, value, flags, note, revision_id)
    where o.indicator = u.indicator and o.geo = u.geo and o.period = u.period and o.source = ${p.source}`.execute(tx);
}
