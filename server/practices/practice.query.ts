import { z } from 'zod';
import { codeList } from '../http/query';
import {
  APPROACHES,
  EMPACT_TAG_EXAMPLE,
  EMPACT_TAG_PATTERN,
  EVIDENCE_RATINGS,
  PREVENTION_LEVELS,
  TARGET_GROUPS,
  WORKFLOW_STATES,
} from '../shared/practice-vocabulary';

const listOf = (values: readonly string[], what: string) =>
  codeList.pipe(
    z.array(z.string()).refine((list) => list.every((v) => values.includes(v)), {
      message: `unknown ${what}; expected one or more of ${values.join(', ')}`,
    }),
  );

/** "2022-2025/drug_trafficking,2026-2029/drug_trafficking": the general code list forbids the "/" tags need. */
const empactTags = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [
    ...new Set(
      (Array.isArray(v) ? v.join(',') : v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().regex(EMPACT_TAG_PATTERN, `an EMPACT tag is "<cycle>/<priority>", e.g. ${EMPACT_TAG_EXAMPLE}`))
      .max(20),
  );

const yesNo = z
  .enum(['yes', 'no', 'true', 'false', '1', '0'], { error: 'expected yes or no' })
  .transform((v) => v === 'yes' || v === 'true' || v === '1');

export const SORTS = ['relevance', 'rating', 'recency', 'title'] as const;

/** The query string of a catalogue search: words, facet filters, sort and page. */
export const PracticeSearchQuery = z.strictObject({
  q: z.string().max(200, 'the search text is longer than 200 characters').optional(),
  theme: codeList.optional(),
  geo: codeList.optional(),
  rating: listOf(EVIDENCE_RATINGS, 'rating').optional(),
  approach: listOf(APPROACHES, 'approach').optional(),
  preventionLevel: listOf(PREVENTION_LEVELS, 'prevention level').optional(),
  targetGroup: listOf(TARGET_GROUPS, 'target group').optional(),
  empact: empactTags.optional(),
  europeanEvidence: yesNo.optional(),
  indicator: codeList.optional(),
  iccs: codeList.optional(),
  state: listOf(WORKFLOW_STATES, 'workflow state').optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1, 'pages start at 1').max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'at most 100 practices per page').default(20),
});

export type PracticeSearchQuery = z.infer<typeof PracticeSearchQuery>;
