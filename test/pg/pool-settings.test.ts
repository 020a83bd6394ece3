import { describe, expect, it } from 'vitest';
import { poolSettings } from '../../server/db/connect-postgres';

describe('PostgreSQL pool settings', () => {
  it('default to a pool of 10 with idle, connect and statement timeouts', () => {
    expect(poolSettings({})).toEqual({
      max: 10,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      statementTimeoutMillis: 60_000,
    });
  });

  it('read PG_POOL_MAX and the timeouts from the environment', () => {
    const env = { PG_POOL_MAX: '25', PG_IDLE_TIMEOUT_MS: '500', PG_CONNECT_TIMEOUT_MS: '2000', PG_STATEMENT_TIMEOUT_MS: '0' };
    expect(poolSettings(env)).toEqual({ max: 25, idleTimeoutMillis: 500, connectionTimeoutMillis: 2000, statementTimeoutMillis: 0 });
  });

  it('reject a malformed value, naming the variable and what it must be', () => {
    expect(() => poolSettings({ PG_POOL_MAX: 'ten' })).toThrow('PG_POOL_MAX=ten must be a whole number of at least 2');
    expect(() => poolSettings({ PG_POOL_MAX: '1' })).toThrow(/PG_POOL_MAX=1 .*at least 2/);
    expect(() => poolSettings({ PG_STATEMENT_TIMEOUT_MS: '-5' })).toThrow(/PG_STATEMENT_TIMEOUT_MS/);
  });
});
