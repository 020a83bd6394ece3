import { z } from 'zod';
import {
  ACTION_STATUSES,
  ASSESSMENT_KINDS,
  CLASSIFICATIONS,
  FREQUENCIES,
  PLAN_STATUSES,
  PRACTICE_RELATIONS,
} from '../shared/api/empact';
import { isCalendarDate } from './kpi.periods';

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .min(min, `${what} needs at least ${min} characters`)
    .max(max, `${what} is longer than ${max} characters`);

const isoDate = (what: string) =>
  z.string({ error: `${what} is missing` }).refine(isCalendarDate, `${what} must be a date YYYY-MM-DD`);

/** A member state (EL, not GR) or an EU agency (EUROPOL, EUROJUST, FRONTEX, CEPOL, EUCPN, ...). */
export const Actor = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'name a member state code (e.g. NL) or an EU agency (e.g. EUROPOL) in capitals');

const classification = z.enum(CLASSIFICATIONS).default('restricted');

export const IdParams = z.strictObject({ id: z.coerce.number().int().positive('ids are positive whole numbers') });
export const CycleParams = z.strictObject({ cycle: z.string().regex(/^\d{4}-\d{4}$/, 'a cycle is written 2026-2029') });

export const ChsgInput = z.strictObject({
  number: z.number().int().min(1).max(20),
  title: text('the CHSG title', 3, 400),
  source: text('the source', 3, 400),
});

export const ResultInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  measure: z.string().regex(/^[a-z0-9_]{2,40}$/, 'a measure code is lower-case words joined by "_", e.g. arrests'),
  label: text('the label', 2, 200),
  value: z.number().finite(),
  unit: text('the unit', 1, 16),
  qualifier: z.enum(['exact', 'over']).default('exact'),
  source: text('the source', 3, 400),
  sourceUrl: z.url('the source URL must be a full http(s) address'),
});

export const OapInput = z.strictObject({
  priorityId: z.number().int().positive(),
  firstYear: z.number().int().min(2000).max(2100),
  lastYear: z.number().int().min(2000).max(2100),
  title: text('the title', 3, 300),
  driver: Actor,
  coDrivers: z.array(Actor).max(30).default([]),
  status: z.enum(PLAN_STATUSES).default('draft'),
  classification,
});

export const ActionInput = z
  .strictObject({
    number: z.string().regex(/^OA \d{1,2}\.\d{1,3}$/, 'an action number is written "OA 7.3"'),
    title: text('the title', 3, 300),
    chsgNumber: z.number().int().min(1).max(20),
    leader: Actor,
    participants: z.array(Actor).max(60).default([]),
    startDate: isoDate('the start date'),
    endDate: isoDate('the end date'),
    expectedOutput: text('the expected output', 3, 2000),
    status: z.enum(ACTION_STATUSES).default('planned'),
    classification,
  })
  .refine((a) => a.endDate >= a.startDate, { path: ['endDate'], message: 'the end date is before the start date' });

export const ActionPracticesInput = z.strictObject({
  practices: z.array(z.strictObject({ slug: z.string().min(3).max(80), relation: z.enum(PRACTICE_RELATIONS) })).max(50),
});

/** Baseline and target parts are optional here so that the SMART check can name each missing one. */
export const KpiInput = z
  .strictObject({
    oapId: z.number().int().positive().optional(),
    actionId: z.number().int().positive().optional(),
    definition: z.string().max(1000).optional(),
    unit: z.string().max(40).optional(),
    baselineValue: z.number().finite().nullable().optional(),
    baselineDate: z.string().max(10).nullable().optional(),
    targetValue: z.number().finite().nullable().optional(),
    targetDate: z.string().max(10).nullable().optional(),
    frequency: z.enum(FREQUENCIES),
    dataSource: text('the data source', 3, 400),
    indicator: z
      .string()
      .regex(/^[A-Z0-9_]{2,32}$/)
      .nullable()
      .default(null),
    indicatorGeo: z
      .string()
      .regex(/^[A-Z0-9_]{2,20}$/)
      .nullable()
      .default(null),
    classification,
  })
  .refine((k) => (k.oapId === undefined) !== (k.actionId === undefined), {
    path: ['actionId'],
    message: 'a KPI belongs to exactly one operational action (actionId) or one plan (oapId)',
  })
  .refine((k) => (k.indicator === null) === (k.indicatorGeo === null), {
    path: ['indicatorGeo'],
    message: 'a KPI linked to an observatory indicator names both the indicator and the geo',
  });

export const ReportInput = z.strictObject({
  period: z.string().max(10),
  value: z.number().finite(),
  flags: z
    .string()
    .regex(/^[bdefimnpuc]*$/, 'flags are Eurostat letters, e.g. "p" (provisional) or "e" (estimated)')
    .default(''),
  narrative: z.string().trim().max(4000).default(''),
});

export const AssessmentInput = z.strictObject({
  cycle: z.string().regex(/^\d{4}-\d{4}$/),
  kind: z.enum(ASSESSMENT_KINDS),
  asOf: isoDate('the assessment date'),
  title: text('the title', 3, 300),
  narrative: text('the narrative', 0, 20000).default(''),
  classification: z.enum(CLASSIFICATIONS).default('public'),
});

export const AssessmentEdit = z.strictObject({
  title: text('the title', 3, 300),
  narrative: text('the narrative', 0, 20000),
});

export const CoordinatorsInput = z.strictObject({ emails: z.array(z.email('an email address')).max(50) });

/** An empty field of the dashboard's plain GET form means "not chosen". */
const blankless = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const FactsheetQuery = z.strictObject({
  cycle: z.string().regex(/^\d{4}-\d{4}$/, 'a cycle is written 2026-2029'),
  priority: blankless(z.coerce.number().int().positive()),
  year: blankless(z.coerce.number().int().min(2000).max(2100)),
  geo: blankless(
    z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'a country is a two-letter Eurostat code, e.g. NL'),
  ),
});

export type OapInput = z.infer<typeof OapInput>;
export type ActionInput = z.infer<typeof ActionInput>;
export type KpiInput = z.infer<typeof KpiInput>;
export type ReportInput = z.infer<typeof ReportInput>;
export type AssessmentInput = z.infer<typeof AssessmentInput>;
export type FactsheetQuery = z.infer<typeof FactsheetQuery>;
