import { z } from 'zod';
import { EXTERNAL_LEVELS, EXTERNAL_SOURCES, isKnownLevel } from '../external-rating';
import {
  APPROACHES,
  EFFECT_DIRECTIONS,
  EMPACT_TAG_EXAMPLE,
  EMPACT_TAG_PATTERN,
  EVALUATION_DESIGNS,
  EVIDENCE_RATINGS,
  LINK_KINDS,
  PRACTICE_LEVELS,
  PREVENTION_LEVELS,
  TARGET_GROUPS,
} from '../practice-vocabulary';

/**
 * The one source of truth for a practice record: it validates input (API, import, seed files),
 * types the code through z.infer, and is published as JSON Schema at /api/practices/schema.
 * Codes from the catalogues (themes, ICCS, indicators, geos) are checked against the database by
 * practice.catalogue-check.ts, because they live in data/, not here.
 */

const text = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} needs at least ${min} characters`)
    .max(max, `${what} is longer than ${max} characters; shorten it`);

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected a web address starting with http:// or https://' })
  .max(500);
const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"');
const year = z.number().int('a year is a whole number').min(1900, 'years start at 1900').max(2100, 'years end at 2100');
const dateText = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

export const Evaluation = z
  .strictObject({
    design: z.enum(EVALUATION_DESIGNS),
    /** Maryland Scientific Methods Scale; for a review, the weakest design level it admits. */
    sms: z
      .number()
      .int('SMS levels are whole numbers')
      .min(1, 'SMS levels run from 1 to 5')
      .max(5, 'SMS levels run from 1 to 5')
      .nullable(),
    geos: z.array(code).min(1, 'name at least one geo where the evaluation took place').max(40),
    year,
    sample: text('sample', 2, 500),
    outcomes: z
      .array(text('outcome', 2, 200))
      .min(1, 'name at least one outcome measured')
      .max(15),
    direction: z.enum(EFFECT_DIRECTIONS).nullable(),
    /** True when the evaluators are independent of the programme's developer; null when not known. */
    independent: z.boolean().nullable(),
    findings: text('findings', 10, 1000).nullable().default(null),
    reference: text('reference', 10, 1000),
    url: httpUrl.nullable().default(null),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S{1,200}$/, 'a DOI looks like 10.1234/abc')
      .nullable()
      .default(null),
  })
  .superRefine((e, ctx) => {
    if (!e.url && !e.doi) ctx.addIssue({ code: 'custom', path: ['url'], message: 'give the reference a URL or a DOI' });
    const outcome = e.design !== 'process_qualitative';
    if (outcome && e.sms === null)
      ctx.addIssue({ code: 'custom', path: ['sms'], message: 'an outcome evaluation needs an SMS level (1–5)' });
    if (outcome && e.direction === null)
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: 'an outcome evaluation needs a direction of effect',
      });
  });

const Criterion = z.strictObject({ met: z.boolean(), justification: text('justification', 5, 300) });

export const EucpnCriteria = z.strictObject({
  problem: Criterion,
  mechanism: Criterion,
  evidence: Criterion,
  replicability: Criterion,
});

const EmmieEntry = z.strictObject({
  summary: text('EMMIE summary', 5, 1000),
  quality: z.number().int().min(0, 'EMMIE quality runs from 0 to 4').max(4, 'EMMIE quality runs from 0 to 4'),
});

export const Emmie = z.strictObject({
  effect: EmmieEntry.nullable().default(null),
  mechanism: EmmieEntry.nullable().default(null),
  moderators: EmmieEntry.nullable().default(null),
  implementation: EmmieEntry.nullable().default(null),
  economicCost: EmmieEntry.nullable().default(null),
});

export const ExternalRating = z
  .strictObject({
    source: z.enum(EXTERNAL_SOURCES as [string, ...string[]]),
    level: z.enum(EXTERNAL_LEVELS),
    /** When the registry published or last dated the rating; null when it states none. */
    date: dateText.nullable(),
    url: httpUrl,
    note: text('note', 2, 300).nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (!isKnownLevel(r.source as never, r.level)) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: `"${r.level}" is not a level of ${r.source}` });
    }
  });

/** A public contact is an organisation or a role, never a private person's details. */
export const PublicContact = z.strictObject({
  organisation: text('contact organisation', 2, 200),
  role: text('contact role', 2, 120).nullable().default(null),
  website: httpUrl.nullable().default(null),
});

export const PracticeLink = z.strictObject({
  kind: z.enum(LINK_KINDS),
  title: text('link title', 2, 200),
  url: httpUrl,
});

const uniqueList = <T extends z.ZodType>(item: T, what: string, min: number, max: number) =>
  z
    .array(item)
    .min(min, min ? `name at least ${min} ${what}` : '')
    .max(max, `at most ${max} ${what}`)
    .refine((list) => new Set(list).size === list.length, `${what} are listed twice`);

export const PracticeInput = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug is lower-case words joined by "-"')
      .min(3)
      .max(80)
      .optional(),
    title: text('title', 3, 200),
    summary: text('summary', 20, 600),
    description: text('description', 20, 8000),
    /** The language title, summary and description are written in; translations are added beside them. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'a language is a lower-case ISO 639 code, e.g. en, nl, fr, de, sv')
      .default('en'),
    geos: uniqueList(code, 'geos', 1, 60),
    level: z.enum(PRACTICE_LEVELS),
    /** Null when the start is not documented well enough to state. */
    startYear: year.nullable(),
    endYear: year.nullable().default(null),
    themes: uniqueList(code, 'themes', 1, 10),
    iccsCodes: uniqueList(
      z.string().regex(/^\d{2,6}$/, 'an ICCS code is 2 to 6 digits, e.g. 0501'),
      'ICCS codes',
      0,
      30,
    ).default([]),
    indicators: uniqueList(code, 'indicators', 0, 30).default([]),
    targetGroups: uniqueList(z.enum(TARGET_GROUPS), 'target groups', 1, 10),
    approaches: uniqueList(z.enum(APPROACHES), 'approaches', 1, 6),
    preventionLevels: uniqueList(z.enum(PREVENTION_LEVELS), 'prevention levels', 1, 3),
    empactTags: uniqueList(
      z
        .string()
        .regex(EMPACT_TAG_PATTERN, `an EMPACT tag is "<cycle>/<priority or chsg-N>", e.g. ${EMPACT_TAG_EXAMPLE}`),
      'EMPACT tags',
      0,
      10,
    ).default([]),
    organisations: z
      .array(text('organisation', 2, 200))
      .max(20)
      .default([]),
    cost: text('cost information', 2, 1000).nullable().default(null),
    contact: PublicContact.nullable().default(null),
    links: z.array(PracticeLink).max(30).default([]),
    criteria: EucpnCriteria,
    evaluations: z.array(Evaluation).max(50).default([]),
    emmie: Emmie.nullable().default(null),
    externalRatings: z.array(ExternalRating).max(20).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.endYear !== null && p.startYear !== null && p.endYear < p.startYear) {
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'the end year is before the start year' });
    }
  });

/** A translation of the fields a curator writes, into one of the observatory's languages. */
export const PracticeTranslationInput = z.strictObject({
  title: text('title', 3, 200),
  summary: text('summary', 20, 600),
  description: text('description', 20, 8000),
});

export const RatingOverrideInput = z.strictObject({
  rating: z.enum(EVIDENCE_RATINGS),
  justification: text('justification', 20, 1000),
});

export const RatingOverride = RatingOverrideInput.extend({ by: z.string(), at: z.string() });

/** What a version stores: the editable record plus the curator's override. */
export const PracticeRecord = z.object({
  ...PracticeInput.shape,
  slug: z.string(),
  ratingOverride: RatingOverride.nullable(),
});

export type PracticeInput = z.infer<typeof PracticeInput>;
export type PracticeTranslationInput = z.infer<typeof PracticeTranslationInput>;
export type PracticeInputRaw = z.input<typeof PracticeInput>;
export type Evaluation = z.infer<typeof Evaluation>;
export type EucpnCriteria = z.infer<typeof EucpnCriteria>;
export type Emmie = z.infer<typeof Emmie>;
export type ExternalRating = z.infer<typeof ExternalRating>;
export type RatingOverride = z.infer<typeof RatingOverride>;
export type PracticeRecord = z.infer<typeof PracticeRecord>;

/** The JSON Schema of a practice record, for API consumers and the API description. */
export function practiceJsonSchema(): unknown {
  return z.toJSONSchema(PracticeInput, { io: 'input', unrepresentable: 'any' });
}
