import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  type SqliteDriver,
} from 'kysely';

/** How long a write waits for another process's write transaction before giving up with SQLITE_BUSY. */
export const WRITE_WAIT_MS = 30_000;
/** SQLite's own (synchronous) busy wait: kept short, since it stops the whole process while it waits. */
export const SYNC_BUSY_MS = 20;
const RETRY_MIN_MS = 2;
const RETRY_MAX_MS = 50;

/** better-sqlite3 reports SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, ...). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const pins = new WeakMap<SQLite.Database, number>();

/**
 * Runs `work` with the connection held throughout: while it waits for another process's write
 * lock, the connection is not lent to this process's other queries. For work that changes the
 * connection's settings for a while (withBulkWrites turns foreign-key checks off).
 */
export async function holdingConnection<T>(sqlite: SQLite.Database, work: () => Promise<T>): Promise<T> {
  pins.set(sqlite, (pins.get(sqlite) ?? 0) + 1);
  try {
    return await work();
  } finally {
    pins.set(sqlite, pins.get(sqlite)! - 1);
  }
}

function busyAfterWaiting(): Error {
  return Object.assign(
    new Error(`database is locked: another process held the write lock for more than ${WRITE_WAIT_MS / 1000} s`),
    { code: 'SQLITE_BUSY' },
  );
}

/**
 * SQLite for several server processes on one file.
 *
 * - A transaction takes the write lock when it begins (BEGIN IMMEDIATE). Begun deferred, a
 *   transaction that read and then wrote after another process had committed would fail with
 *   SQLITE_BUSY; taking the lock first makes concurrent transactions queue instead.
 * - Waiting for the lock is asynchronous. SQLite's busy timeout stays at SYNC_BUSY_MS (its wait
 *   stops the whole process); beyond that, a transaction's BEGIN, or a write outside a transaction,
 *   is retried with growing pauses, and during each pause the connection is handed back, so the
 *   process's other queries (reads never wait in WAL mode) run meanwhile, except while it is held
 *   with holdingConnection. After WRITE_WAIT_MS the write fails with SQLITE_BUSY, which the API
 *   answers with 503.
 *
 * With one process nothing changes: Kysely already runs one transaction at a time on its connection.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    config: SqliteDialectConfig,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite, super.createDriver() as SqliteDriver);
  }
}

class ImmediateSqliteDriver implements Driver {
  private patient: DatabaseConnection | undefined;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly inner: SqliteDriver,
  ) {}

  init = () => this.inner.init();

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    this.patient ??= this.patientConnection(connection);
    return this.patient;
  }

  async beginTransaction(): Promise<void> {
    await this.whenUnlocked(() => this.sqlite.prepare('begin immediate').run());
  }

  commitTransaction = (c: DatabaseConnection) => this.inner.commitTransaction(c);
  rollbackTransaction = (c: DatabaseConnection) => this.inner.rollbackTransaction(c);
  savepoint: Driver['savepoint'] = (c, name, compile) => this.inner.savepoint(c, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, name, compile) =>
    this.inner.rollbackToSavepoint(c, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (c, name, compile) => this.inner.releaseSavepoint(c, name, compile);
  releaseConnection = () => this.inner.releaseConnection();
  destroy = () => this.inner.destroy();

  /** The connection, with writes outside a transaction retried asynchronously while another process writes. */
  private patientConnection(connection: DatabaseConnection): DatabaseConnection {
    return {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
        this.sqlite.inTransaction
          ? connection.executeQuery<R>(query)
          : this.whenUnlocked(() => connection.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
    };
  }

  /**
   * Runs `attempt` (which holds the connection, as its caller does) until it gets past SQLITE_BUSY.
   * Between attempts the connection is released for the pause, then taken again.
   */
  private async whenUnlocked<T>(attempt: () => T | Promise<T>): Promise<T> {
    const deadline = Date.now() + WRITE_WAIT_MS;
    for (let pause = RETRY_MIN_MS; ; pause = Math.min(pause * 2, RETRY_MAX_MS)) {
      try {
        return await attempt();
      } catch (error) {
        if (!isBusyError(error) || this.sqlite.inTransaction) throw error;
        if (Date.now() >= deadline) throw busyAfterWaiting();
      }
      const lend = !pins.get(this.sqlite);
      if (lend) await this.inner.releaseConnection();
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
      if (lend) await this.inner.acquireConnection();
    }
  }
}
