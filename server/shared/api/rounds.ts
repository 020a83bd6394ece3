import { z } from 'zod';

/** Collection rounds: the request schemas the server validates and the answers the client reads. */

/** A calendar day that exists: JavaScript would read 2026-02-30 as 2 March, so it is refused, not moved. */
const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date written YYYY-MM-DD')
  .refine(
    (d) => new Date(`${d}T00:00:00.000Z`).getUTCDate() === Number(d.slice(8, 10)),
    'there is no such day in that month: write a date of the calendar, e.g. 2026-02-28',
  );
const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"');
const period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected a year (2024), quarter (2024-Q1) or month (2024-03)');

const distinct = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `name at least one ${what}`)
    .max(500)
    .refine((list) => new Set(list).size === list.length, `each ${what} once`);

/** What the secretariat writes when it creates or edits a round. */
export const RoundInput = z.object({
  name: z.string().trim().min(3).max(200),
  indicators: distinct(code, 'indicator'),
  periods: distinct(period, 'period'),
  geos: distinct(code, 'geo'),
  opensOn: day,
  dueOn: day,
  locksOn: day,
  cleanValidation: z.boolean().default(false),
  twoLevelApproval: z.boolean().default(false),
  guidance: z.string().max(10_000).default(''),
});
export type RoundInput = z.infer<typeof RoundInput>;

export const PART_STATES = ['open', 'complete', 'approved', 'accepted'] as const;

export const RoundSummary = RoundInput.extend({
  id: z.number(),
  version: z.number(),
  status: z.enum(['scheduled', 'open', 'past-due', 'locked']),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({
  changes: z.array(
    z.object({ version: z.number(), changedBy: z.string(), changedAt: z.string(), afterOpening: z.boolean() }),
  ),
  lockExceptions: z.array(
    z.object({
      id: z.number(),
      geo: z.string(),
      until: z.string(),
      reason: z.string(),
      grantedBy: z.string(),
      grantedAt: z.string(),
      revokedAt: z.string().nullable().describe('Set when the secretariat ended the exception early'),
      revokeReason: z.string().nullable(),
    }),
  ),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const CELL_STATES = ['delivered', 'delivered-with-warnings', 'missing', 'not-available'] as const;
export type CellState = (typeof CELL_STATES)[number];

/** One expected cell of a geo's part, pre-filled for the template. */
export const OwedCell = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  definition: z.string(),
  period: z.string(),
  state: z.enum(CELL_STATES),
  value: z.number().nullable(),
  flags: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string().nullable(),
  previousValue: z.number().nullable(),
  warning: z.string().nullable(),
  unavailableReason: z.string().nullable(),
});
export type OwedCell = z.infer<typeof OwedCell>;

export const RoundPart = z.object({
  roundId: z.number(),
  roundName: z.string(),
  geo: z.string(),
  state: z.enum(PART_STATES),
  dueOn: z.string(),
  locksOn: z.string(),
  guidance: z.string(),
  cleanValidation: z.boolean(),
  twoLevelApproval: z.boolean(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  cells: z.array(OwedCell),
});
export type RoundPart = z.infer<typeof RoundPart>;

/** DHIS2's reporting rates: actual ÷ expected and on time ÷ expected, in per cent to one decimal. */
export const Rates = z.object({
  expected: z.number(),
  actual: z.number(),
  onTime: z.number(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
});
export type Rates = z.infer<typeof Rates>;

export const GeoCompleteness = Rates.extend({
  geo: z.string(),
  geoName: z.string(),
  state: z.enum(PART_STATES),
  completedAt: z.string().nullable(),
  cellsExpected: z.number(),
  cellsDelivered: z.number(),
  cellsNotAvailable: z.number(),
  cellsMissing: z.number(),
  /** Share of expected cells delivered or declared not available, per cent to one decimal. */
  cellCompleteness: z.number().nullable(),
  missing: z.array(z.object({ indicator: z.string(), period: z.string() })),
});
export type GeoCompleteness = z.infer<typeof GeoCompleteness>;

export const Completeness = z.object({
  roundId: z.number(),
  roundName: z.string(),
  dueOn: z.string(),
  locksOn: z.string(),
  overall: Rates.extend({
    cellsExpected: z.number(),
    cellsDelivered: z.number(),
    cellsNotAvailable: z.number(),
    cellsMissing: z.number(),
  }),
  geos: z.array(GeoCompleteness),
});
export type Completeness = z.infer<typeof Completeness>;

export const Notice = z.object({
  id: z.number(),
  roundId: z.number(),
  geo: z.string(),
  kind: z.string(),
  message: z.string(),
  createdAt: z.string(),
  emailedAt: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

/** A contact point named its country's national representative (the first level of two-level approval). */
export const NationalRepresentative = z.object({
  geo: z.string(),
  email: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
export type NationalRepresentative = z.infer<typeof NationalRepresentative>;
export const NationalRepresentatives = z.object({ data: z.array(NationalRepresentative) });
export type NationalRepresentatives = z.infer<typeof NationalRepresentatives>;
