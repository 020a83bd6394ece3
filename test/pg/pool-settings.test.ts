import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config/config';
import { openPostgres, poolSettingsOf } from '../../server/db/connect-postgres';

const poolSettings = (env: NodeJS.ProcessEnv) => poolSettingsOf(readConfig(env));
import { emptyDatabase } from '../helpers/database';

describe('PostgreSQL pool settings', () => {
  it('default to a pool of 10 with idle and connect timeouts and no statement timeout', () => {
    expect(poolSettings({})).toEqual({
      max: 10,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      statementTimeoutMillis: 0,
    });
  });

  it('read PG_POOL_MAX and the timeouts from the environment', () => {
    const env = {
      PG_POOL_MAX: '25',
      PG_IDLE_TIMEOUT_MS: '500',
      PG_CONNECT_TIMEOUT_MS: '2000',
      PG_STATEMENT_TIMEOUT_MS: '30000',
    };
    expect(poolSettings(env)).toEqual({
      max: 25,
      idleTimeoutMillis: 500,
      connectionTimeoutMillis: 2000,
      statementTimeoutMillis: 30_000,
    });
  });

  it('reject a malformed value, naming the variable and what it must be', () => {
    expect(() => poolSettings({ PG_POOL_MAX: 'ten' })).toThrow(
      'PG_POOL_MAX must be a whole number from 2 to 10000, written in digits (got "ten")',
    );
    expect(() => poolSettings({ PG_POOL_MAX: '1' })).toThrow(/PG_POOL_MAX must be a whole number from 2 .*\(got "1"\)/);
    expect(() => poolSettings({ PG_STATEMENT_TIMEOUT_MS: '-5' })).toThrow(/PG_STATEMENT_TIMEOUT_MS/);
  });

  it('apply the statement timeout on the server', async () => {
    const database = await emptyDatabase();
    const bounded = openPostgres(database.file, { statementTimeoutMillis: 200 });
    try {
      const shown = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(bounded.db);
      expect(shown.rows[0]?.statement_timeout).toBe('200ms');
      await expect(sql`select pg_sleep(2)`.execute(bounded.db)).rejects.toThrow(/statement timeout/);
    } finally {
      await bounded.close();
      await database.dispose();
    }
  });
});
