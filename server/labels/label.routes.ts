import { z } from 'zod';
import { defineRoute } from '../http/route';
import { LOCALES } from '../shared/i18n';
import {
  LABEL_STATUSES,
  LabelEntrySchema,
  LabelHistoryAnswerSchema,
  LabelListAnswerSchema,
  LabelReviewInput,
  LabelReviewScopeSchema,
} from '../shared/api/labels';
import { LABEL_SUBJECTS, loadLabelBook, renderLabels } from './label.book';
import { labelHistory, reviewLabel } from './label.review';
import { reviewableLocales } from './review-scope';

const TAG = 'labels';
const LabelParams = z.strictObject({
  subject: z.enum(LABEL_SUBJECTS as [string, ...string[]]),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a code holds letters, digits, "_" and "-"'),
  locale: z.enum(LOCALES),
});

export const labelRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/labels',
    tag: TAG,
    summary:
      'Every domain label (indicator names and definitions, themes, units, practice vocabularies) in the four ' +
      'languages with its source; ?status=unreviewed&locale=nl lists what is left to review in Dutch',
    access: { kind: 'public' },
    query: z.strictObject({
      subject: z.enum(LABEL_SUBJECTS as [string, ...string[]]).optional(),
      locale: z.enum(LOCALES).optional(),
      status: z.enum(LABEL_STATUSES).optional(),
    }),
    response: LabelListAnswerSchema,
    handler: async ({ db, query, locale }) => {
      const entries = (await loadLabelBook(db))
        .all()
        .filter((thing) => !query.subject || thing.subject === query.subject)
        .map((thing) => ({ subject: thing.subject, code: thing.code, labels: renderLabels(thing.labels, locale) }))
        .filter((entry) => {
          if (!query.status) return true;
          const locales = query.locale ? [query.locale] : LOCALES;
          return locales.some((l) => entry.labels[l].status === query.status);
        });
      return { data: entries };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/labels/review-scope',
    tag: TAG,
    summary:
      "The languages you may review labels in: your countries' for a contact point, every one for the secretariat",
    access: { kind: 'roles', roles: ['contact_point', 'secretariat'] },
    response: LabelReviewScopeSchema,
    handler: ({ actor }) => ({ locales: reviewableLocales(actor) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/labels/:subject/:code/:locale/history',
    tag: TAG,
    summary: "One label's history in one language: the catalogue text (revision 0), then every review",
    access: { kind: 'public' },
    params: LabelParams,
    response: LabelHistoryAnswerSchema,
    handler: async ({ db, params }) => ({ ...params, revisions: await labelHistory(db, params) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/labels/:subject/:code/:locale/review',
    tag: TAG,
    summary:
      'Mark a label reviewed, as it is or with a corrected text (a new revision; the history keeps every ' +
      'earlier one). Contact points review the languages of their countries, the secretariat every language.',
    access: { kind: 'roles', roles: ['contact_point', 'secretariat'] },
    params: LabelParams,
    body: LabelReviewInput,
    response: LabelEntrySchema.extend({ locale: z.enum(LOCALES), revision: z.number() }),
    handler: async ({ db, actor, params, body, locale }) => {
      const reviewed = await db.transaction().execute((tx) => reviewLabel(tx, actor, params, body));
      const thing = (await loadLabelBook(db)).get(params.subject, params.code);
      return { ...reviewed, labels: renderLabels(thing!.labels, locale) };
    },
  }),
];
