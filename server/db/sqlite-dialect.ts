import type SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver, type SqliteDialectConfig } from 'kysely';

/** How long a transaction waits for another process's write transaction before giving up. */
export const WRITE_WAIT_MS = 30_000;
const RETRY_MIN_MS = 2;
const RETRY_MAX_MS = 50;

/**
 * SQLite with transactions that take the write lock when they begin (BEGIN IMMEDIATE). With one
 * process this changes nothing: Kysely already runs one transaction at a time on its one
 * connection. With several server processes on one file, a transaction that began deferred, read,
 * and then tried to write after another process had committed would fail with SQLITE_BUSY; taking
 * the lock first makes concurrent transactions queue instead. The wait for the lock is asynchronous
 * (retries with a zero busy timeout), so a process waiting behind another's long commit keeps
 * answering reads meanwhile.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database, config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite, super.createDriver() as SqliteDriver);
  }
}

class ImmediateSqliteDriver implements Driver {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly inner: SqliteDriver,
  ) {}

  init = () => this.inner.init();
  acquireConnection = () => this.inner.acquireConnection();
  commitTransaction = (c: DatabaseConnection) => this.inner.commitTransaction(c);
  rollbackTransaction = (c: DatabaseConnection) => this.inner.rollbackTransaction(c);
  savepoint: Driver['savepoint'] = (c, name, compile) => this.inner.savepoint(c, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, name, compile) => this.inner.rollbackToSavepoint(c, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (c, name, compile) => this.inner.releaseSavepoint(c, name, compile);
  releaseConnection = () => this.inner.releaseConnection();
  destroy = () => this.inner.destroy();

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + WRITE_WAIT_MS;
    for (let pause = RETRY_MIN_MS; ; pause = Math.min(pause * 2, RETRY_MAX_MS)) {
      if (this.tryBeginImmediate()) return;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
    // Out of patience: one last attempt that reports SQLITE_BUSY the usual way.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /** BEGIN IMMEDIATE without the connection's synchronous busy wait; false when another process writes. */
  private tryBeginImmediate(): boolean {
    const waitMs = this.sqlite.pragma('busy_timeout', { simple: true }) as number;
    this.sqlite.pragma('busy_timeout = 0');
    try {
      this.sqlite.prepare('begin immediate').run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    } finally {
      this.sqlite.pragma(`busy_timeout = ${waitMs}`);
    }
  }
}
