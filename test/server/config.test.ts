import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, type Config, ConfigError, DEFAULT_WORKERS, readConfig } from '../../server/config/config';

/** For every variable: a good value and what it becomes, and a bad value and the message that names it. */
const CASES: Record<keyof Config, { good: [string, unknown]; bad?: [string, RegExp]; fallback: unknown }> = {
  PORT: { good: ['8080', 8080], bad: ['80a', /PORT must be a whole number from 0 to 65535.*"80a"/], fallback: 3000 },
  HOST: {
    good: ['127.0.0.1', '127.0.0.1'],
    bad: ['local host', /HOST must be a host name or an IP address.*"local host"/],
    fallback: '0.0.0.0',
  },
  DATABASE_URL: {
    good: ['postgres://u:p@db:5432/obs', 'postgres://u:p@db:5432/obs'],
    fallback: './var/observatory.sqlite',
  },
  WORKERS: {
    good: ['2', 2],
    bad: ['0', /WORKERS must be a whole number from 1 to 64.*"0"/],
    fallback: DEFAULT_WORKERS,
  },
  APPROVAL_REQUIRED: {
    good: ['true', true],
    bad: ['on', /APPROVAL_REQUIRED must be true or false \(got "on"\)/],
    fallback: false,
  },
  SUBMISSION_MAX_BYTES: {
    good: ['1000', 1000],
    bad: ['50MB', /SUBMISSION_MAX_BYTES must be a whole number from 1 .*"50MB"/],
    fallback: 50 * 1024 * 1024,
  },
  PUBLIC_URL: {
    good: ['https://observatory.example.eu/', 'https://observatory.example.eu'],
    bad: ['observatory.example.eu', /PUBLIC_URL must be an http:\/\/ or https:\/\/ address/],
    fallback: 'http://localhost:3000',
  },
  TRUST_PROXY: {
    good: ['1', 1],
    bad: ['yes please!', /TRUST_PROXY must be true, false, a number of proxies/],
    fallback: false,
  },
  OBSERVATORY_PASSWORD: { good: ['a long enough passphrase', 'a long enough passphrase'], fallback: undefined },
  UPLOAD_DIR: { good: ['/srv/observatory/uploads', '/srv/observatory/uploads'], fallback: undefined },
  UPLOAD_IDLE_TIMEOUT_MS: {
    good: ['200', 200],
    bad: ['30s', /UPLOAD_IDLE_TIMEOUT_MS must be a whole number from 1 .*"30s"/],
    fallback: 30_000,
  },
  UPLOAD_TIMEOUT_MS: {
    good: ['600000', 600_000],
    bad: ['0', /UPLOAD_TIMEOUT_MS must be a whole number from 1 /],
    fallback: 300_000,
  },
  ANONYMOUS_REFUSALS_PER_MINUTE: {
    good: ['5', 5],
    bad: ['0', /ANONYMOUS_REFUSALS_PER_MINUTE must be a whole number from 1 /],
    fallback: 60,
  },
  AUDIT_REFUSAL_RETENTION_DAYS: {
    good: ['30', 30],
    bad: ['0', /AUDIT_REFUSAL_RETENTION_DAYS must be a whole number from 1 /],
    fallback: 90,
  },
  CHROMIUM_PATH: { good: ['/opt/chromium/chrome', '/opt/chromium/chrome'], fallback: '/usr/bin/chromium' },
  PG_BIN: { good: ['/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/16/bin'], fallback: undefined },
  PG_POOL_MAX: { good: ['25', 25], bad: ['1', /PG_POOL_MAX must be a whole number from 2 /], fallback: 10 },
  PG_IDLE_TIMEOUT_MS: {
    good: ['500', 500],
    bad: ['-5', /PG_IDLE_TIMEOUT_MS must be a whole number/],
    fallback: 10_000,
  },
  PG_CONNECT_TIMEOUT_MS: {
    good: ['2000', 2000],
    bad: ['2s', /PG_CONNECT_TIMEOUT_MS must be a whole number/],
    fallback: 10_000,
  },
  PG_STATEMENT_TIMEOUT_MS: {
    good: ['30000', 30_000],
    bad: ['1e4', /PG_STATEMENT_TIMEOUT_MS must be a whole number/],
    fallback: 0,
  },
  SMTP_URL: {
    good: ['smtp://reminders:secret@mail.example.eu:587', 'smtp://reminders:secret@mail.example.eu:587'],
    bad: [
      'mail.example.eu:25',
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address with a host.*"mail.example.eu:25"/,
    ],
    fallback: null,
  },
};

describe('configuration', () => {
  it('has a case here for every variable the schema reads', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  for (const [name, { good, bad, fallback }] of Object.entries(CASES) as [
    keyof Config,
    (typeof CASES)[keyof Config],
  ][]) {
    it(`${name}: a default, a good value, and ${bad ? 'a bad value refused with its name' : 'any text accepted'}`, () => {
      expect(readConfig({})[name]).toEqual(fallback);
      expect(readConfig({ [name]: good[0] })[name]).toEqual(good[1]);
      if (bad) {
        expect(() => readConfig({ [name]: bad[0] })).toThrow(ConfigError);
        expect(() => readConfig({ [name]: bad[0] })).toThrow(bad[1]);
      }
    });
  }

  it('reports every bad variable at once', () => {
    expect(() => readConfig({ APPROVAL_REQUIRED: 'on', SUBMISSION_MAX_BYTES: '50MB' })).toThrow(
      /APPROVAL_REQUIRED must be true or false \(got "on"\); SUBMISSION_MAX_BYTES must be/,
    );
  });
});
