import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Server processes by default: one per core, at most four (each keeps its own caches). */
export const DEFAULT_WORKERS = Math.min(availableParallelism(), 4);

const MB = 1024 * 1024;

/** A whole number written in digits only: "50MB", "1e6" and "10.5" are refused rather than guessed at. */
function wholeNumber(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be a whole number from ${min} to ${max}, written in digits (got "${raw}")`,
      });
      return z.NEVER;
    });
}

/** true or false only: "on", "yes" or "1" could mean either to a reader of the deployment. */
function onOff(name: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '' || raw === 'false') return false;
      if (raw === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${raw}")` });
      return z.NEVER;
    });
}

function httpUrl(name: string, fallback: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      const value = raw || fallback;
      if (/^https?:\/\/[^\s/]+/i.test(value)) return value.replace(/\/+$/, '');
      ctx.addIssue({ code: 'custom', message: `${name} must be an http:// or https:// address (got "${raw}")` });
      return z.NEVER;
    });
}

/** An SMTP server for reminders: smtp:// or smtps://, with a host; absent means no email is ever sent. */
const smtpUrl = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): string | null => {
    if (raw === undefined || raw === '') return null;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (url && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname) return raw;
    ctx.addIssue({
      code: 'custom',
      message: `SMTP_URL must be an smtp:// or smtps:// address with a host, e.g. smtp://user:password@mail.example.eu:587 (got "${raw.replace(/\/\/[^@/]*@/, '//…@')}")`,
    });
    return z.NEVER;
  });

/** TRUST_PROXY as Express takes it: off, true, a hop count, or a list of trusted addresses. */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): boolean | number | string => {
    if (raw === undefined || raw === '' || raw === 'false') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    if (/^[\w.:/, -]+$/.test(raw)) return raw;
    ctx.addIssue({
      code: 'custom',
      message: `TRUST_PROXY must be true, false, a number of proxies, or addresses such as "loopback, 10.0.0.1" (got "${raw}")`,
    });
    return z.NEVER;
  });

const host = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx) => {
    const value = raw || '0.0.0.0';
    if (/^[\w.:-]+$/.test(value)) return value;
    ctx.addIssue({ code: 'custom', message: `HOST must be a host name or an IP address (got "${raw}")` });
    return z.NEVER;
  });

/** Every environment variable the observatory reads, in one schema; README.md's table lists the same names. */
const Environment = z.object({
  PORT: wholeNumber('PORT', 0, 65535, 3000),
  HOST: host,
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((raw) => raw || './var/observatory.sqlite'),
  WORKERS: wholeNumber('WORKERS', 1, 64, DEFAULT_WORKERS),
  APPROVAL_REQUIRED: onOff('APPROVAL_REQUIRED'),
  SUBMISSION_MAX_BYTES: wholeNumber('SUBMISSION_MAX_BYTES', 1, 2 ** 40, 50 * MB),
  PUBLIC_URL: httpUrl('PUBLIC_URL', 'http://localhost:3000'),
  TRUST_PROXY: trustProxy,
  OBSERVATORY_PASSWORD: z.string().optional(),
  UPLOAD_DIR: z
    .string()
    .trim()
    .optional()
    .transform((raw) => raw || undefined),
  UPLOAD_IDLE_TIMEOUT_MS: wholeNumber('UPLOAD_IDLE_TIMEOUT_MS', 1, 2 ** 31 - 1, 30_000),
  UPLOAD_TIMEOUT_MS: wholeNumber('UPLOAD_TIMEOUT_MS', 1, 2 ** 31 - 1, 300_000),
  ANONYMOUS_REFUSALS_PER_MINUTE: wholeNumber('ANONYMOUS_REFUSALS_PER_MINUTE', 1, 1_000_000, 60),
  AUDIT_REFUSAL_RETENTION_DAYS: wholeNumber('AUDIT_REFUSAL_RETENTION_DAYS', 1, 36_500, 90),
  CHROMIUM_PATH: z
    .string()
    .trim()
    .optional()
    .transform((raw) => raw || '/usr/bin/chromium'),
  PG_BIN: z
    .string()
    .trim()
    .optional()
    .transform((raw) => raw || undefined),
  PG_POOL_MAX: wholeNumber('PG_POOL_MAX', 2, 10_000, 10),
  PG_IDLE_TIMEOUT_MS: wholeNumber('PG_IDLE_TIMEOUT_MS', 0, 2 ** 31 - 1, 10_000),
  PG_CONNECT_TIMEOUT_MS: wholeNumber('PG_CONNECT_TIMEOUT_MS', 0, 2 ** 31 - 1, 10_000),
  PG_STATEMENT_TIMEOUT_MS: wholeNumber('PG_STATEMENT_TIMEOUT_MS', 0, 2 ** 31 - 1, 0),
  SMTP_URL: smtpUrl,
});

export type Config = z.output<typeof Environment>;
export const CONFIG_VARIABLES = Object.keys(Environment.shape) as (keyof Config)[];

/** A configuration that cannot be used; its message names each variable, its value and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once, at start-up; a bad value stops the start instead of being replaced by a default. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => issue.message);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
}

/** The defaults, as an empty environment gives them (tests and tools start from these). */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), ...overrides };
}
