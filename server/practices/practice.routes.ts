import { recordEvaluatedPractices } from './evaluated-practices';
import { z } from 'zod';
import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { defineRoute, RouteResponse } from '../http/route';
import { findPractice, findVersion, parseRecord } from './practice.repository';
import { PracticeSearchQuery } from './practice.query';
import {
  PracticeInput,
  practiceJsonSchema,
  PracticeTranslationInput,
  RatingOverrideInput,
} from '../shared/api/practice-record';
import { LOCALES } from '../shared/i18n';
import { addTranslation, translationHistory } from './practice.translations';
import { createPractice, editPractice, inTransaction, overrideRating, transitionPractice } from './practice.service';
import { exportPublished, ImportBody, importPractices, practicesToCsv } from './practice.transfer';
import { historyView, publicDetail, searchView, workingDetail } from './practice.views';
import { CURATORS, PROPOSERS } from './practice.workflow';

const SlugParams = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a practice slug is lower-case words joined by "-"')
    .max(80),
});
const TAG = 'practices';

/** Contact points act within their geos; curators and the secretariat anywhere (so no geos to check). */
const scopedGeos = (actor: Actor, geos: string[]) =>
  actor.kind === 'user' && actor.role === 'contact_point' ? geos : [];

async function practiceGeos(db: DbOrTx, slug: string): Promise<string[]> {
  const practice = await findPractice(db, slug);
  const version = practice && (await findVersion(db, practice.id, practice.current_version));
  return version ? parseRecord(version).geos : [];
}

const publicRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/practices',
    tag: TAG,
    summary:
      'Search the published catalogue: words, facet filters with counts, sort (relevance, rating, recency, title), pages. ?indicator=&geo= links practices to data.',
    access: { kind: 'public' },
    query: PracticeSearchQuery.omit({ state: true }),
    handler: ({ db, query, locale }) => searchView(db, 'public', query, undefined, locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/practices/schema',
    tag: TAG,
    summary: 'The JSON Schema of a practice record (generated from the zod schema that validates input)',
    access: { kind: 'public' },
    handler: () => practiceJsonSchema(),
  }),
  defineRoute({
    method: 'get',
    path: '/api/practices/export',
    tag: TAG,
    summary: 'The published catalogue as JSON or CSV (formula-escaped); the same files can be imported',
    access: { kind: 'public' },
    query: z.strictObject({ format: z.enum(['json', 'csv']).default('json') }),
    handler: async ({ db, query }) => {
      const practices = await exportPublished(db);
      if (query.format === 'csv')
        return new RouteResponse(practicesToCsv(practices), {
          contentType: 'text/csv; charset=utf-8',
          fileName: 'practices.csv',
        });
      return new RouteResponse({ exportedAt: new Date().toISOString(), practices }, { fileName: 'practices.json' });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/practices/:slug',
    tag: TAG,
    summary:
      'One published practice with its evidence rating, reasons, review date and external ratings; title, summary and ' +
      "description in the reader's language when translated, else the original with a note naming its language",
    access: { kind: 'public' },
    params: SlugParams,
    handler: ({ db, params, locale }) => publicDetail(db, params.slug, locale),
  }),
];

const workbenchRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/practice-workbench',
    tag: TAG,
    summary: 'Search the working copies (every state) for proposers and curators; filter by ?state=',
    access: { kind: 'roles', roles: PROPOSERS },
    query: PracticeSearchQuery,
    handler: ({ db, query, actor }) => {
      if (actor.kind !== 'user' || actor.role !== 'contact_point') return searchView(db, 'staff', query);
      // A contact point sees working copies in their own geos only ("-" matches no geo), and only
      // those all of whose geos are theirs: the detail view refuses the others.
      const geos = (query.geo ?? actor.geos).filter((g) => actor.geos.includes(g));
      return searchView(db, 'staff', { ...query, geo: geos.length ? geos : ['-'] }, actor.geos);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench',
    tag: TAG,
    summary: 'Propose a practice (a draft); contact points only for their own geos',
    access: {
      kind: 'geo-scoped',
      roles: PROPOSERS,
      geos: (ctx) => scopedGeos(ctx.actor, (ctx.body as PracticeInput).geos),
    },
    body: PracticeInput,
    handler: async ({ db, actor, body }) => {
      const slug = await inTransaction(db, (tx) => createPractice(tx, actor, body));
      return new RouteResponse(await workingDetail(db, slug), { status: 201 });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench/import',
    tag: TAG,
    summary:
      'Import practices from the JSON or CSV export: new slugs become drafts, known slugs get a new version; all or nothing',
    access: { kind: 'roles', roles: CURATORS },
    body: ImportBody,
    handler: ({ db, actor, body, locale }) => inTransaction(db, (tx) => importPractices(tx, actor, body, locale)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/practice-workbench/:slug',
    tag: TAG,
    summary: 'The current working copy of a practice, with its state and review comments',
    access: {
      kind: 'geo-scoped',
      roles: PROPOSERS,
      geos: async (ctx) => scopedGeos(ctx.actor, await practiceGeos(ctx.db, ctx.params.slug)),
    },
    params: SlugParams,
    handler: ({ db, params, locale }) => workingDetail(db, params.slug, locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/practice-workbench/:slug/history',
    tag: TAG,
    summary: 'Every version of a practice, who made it and when, with the differences from the version before',
    access: {
      kind: 'geo-scoped',
      roles: PROPOSERS,
      geos: async (ctx) => scopedGeos(ctx.actor, await practiceGeos(ctx.db, ctx.params.slug)),
    },
    params: SlugParams,
    handler: ({ db, params }) => historyView(db, params.slug),
  }),
  defineRoute({
    method: 'put',
    path: '/api/practice-workbench/:slug',
    tag: TAG,
    summary: 'Edit a practice (a new version); contact points only when all its old and new geos are theirs',
    access: {
      kind: 'geo-scoped',
      roles: PROPOSERS,
      geos: async (ctx) =>
        scopedGeos(ctx.actor, [...(await practiceGeos(ctx.db, ctx.params.slug)), ...(ctx.body as PracticeInput).geos]),
    },
    params: SlugParams,
    body: PracticeInput,
    handler: async ({ db, actor, params, body }) => {
      await inTransaction(db, (tx) => editPractice(tx, actor, params.slug, body));
      return workingDetail(db, params.slug);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench/:slug/submit',
    tag: TAG,
    summary: 'Submit a draft or returned practice for review',
    access: {
      kind: 'geo-scoped',
      roles: PROPOSERS,
      geos: async (ctx) => scopedGeos(ctx.actor, await practiceGeos(ctx.db, ctx.params.slug)),
    },
    params: SlugParams,
    handler: async ({ db, actor, params }) => ({
      state: await inTransaction(db, (tx) => transitionPractice(tx, actor, params.slug, 'submit')),
    }),
  }),
];

const Comment = z.strictObject({
  comment: z.string().trim().min(10, 'say in at least 10 characters what to change').max(2000),
});

const curatorRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench/:slug/start-review',
    tag: TAG,
    summary: 'Take a submitted practice into review (curators)',
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    handler: async ({ db, actor, params }) => ({
      state: await inTransaction(db, (tx) => transitionPractice(tx, actor, params.slug, 'start_review')),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench/:slug/publish',
    tag: TAG,
    summary: 'Publish a practice under review (curators); the public then sees this version',
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    handler: async ({ db, actor, params }) => {
      const state = await inTransaction(db, (tx) => transitionPractice(tx, actor, params.slug, 'publish'));
      // The computed indicator follows the catalogue: once the practice is public, its country's count is.
      await recordEvaluatedPractices(db);
      return { state };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/practice-workbench/:slug/return',
    tag: TAG,
    summary: 'Return a submitted or reviewed practice to its proposer with comments (curators)',
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    body: Comment,
    handler: async ({ db, actor, params, body }) => ({
      state: await inTransaction(db, (tx) => transitionPractice(tx, actor, params.slug, 'return', body.comment)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/practice-workbench/:slug/rating-override',
    tag: TAG,
    summary: 'Override the derived rating with a written justification, shown beside it (curators)',
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    body: RatingOverrideInput,
    handler: async ({ db, actor, params, body }) => {
      await inTransaction(db, (tx) => overrideRating(tx, actor, params.slug, body));
      return workingDetail(db, params.slug);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/practice-workbench/:slug/rating-override',
    tag: TAG,
    summary: 'Remove the rating override; the derived rating applies again (curators)',
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    handler: async ({ db, actor, params }) => {
      await inTransaction(db, (tx) => overrideRating(tx, actor, params.slug, null));
      return workingDetail(db, params.slug);
    },
  }),
];

const TranslationParams = SlugParams.extend({ locale: z.enum(LOCALES) });

const translationRoutes = [
  defineRoute({
    method: 'put',
    path: '/api/practice-workbench/:slug/translations/:locale',
    tag: TAG,
    summary:
      'Add a translation of title, summary and description into one language (curators): a new revision, ' +
      'shown to readers of that language and searchable at once',
    access: { kind: 'roles', roles: CURATORS },
    params: TranslationParams,
    body: PracticeTranslationInput,
    handler: ({ db, actor, params, body }) =>
      inTransaction(db, (tx) => addTranslation(tx, actor, params.slug, params.locale, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/practice-workbench/:slug/translations',
    tag: TAG,
    summary: "Every revision of a practice's translations, oldest first (curators)",
    access: { kind: 'roles', roles: CURATORS },
    params: SlugParams,
    handler: ({ db, params }) => translationHistory(db, params.slug),
  }),
];

export const practiceRoutes = [...publicRoutes, ...workbenchRoutes, ...curatorRoutes, ...translationRoutes];
