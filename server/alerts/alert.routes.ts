import { z } from 'zod';
import { alertsCsv } from '../analytics/analytics.csv';
import { asOfParam, formatParam } from '../analytics/analytics.query';
import { answerVersionedRead, queryKey, versionedAnswer } from '../analytics/versioned-response';
import { periodParam, singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { AlertsResponseSchema } from '../shared/api/analytics';
import { REFERENCE_GROUP } from '../shared/reference-group';
import { emergingTrends } from './alerts';
import { alertsFeed } from './feed';

export const AlertsQuery = z.object({
  period: periodParam
    .optional()
    .describe('The year to look for emerging trends in (default: the latest year with data)'),
  group: singleCode
    .default(REFERENCE_GROUP)
    .describe(`Aggregate geo whose members are screened (default ${REFERENCE_GROUP})`),
  measure: z
    .enum(['count', 'rate'])
    .optional()
    .describe('rate: per-100k rates only; count: values as published; default: the rate wherever an indicator has one'),
  asOf: asOfParam.optional(),
  format: formatParam,
});

export const AlertsFeedQuery = z.object({
  country: singleCode.optional().describe('Only alerts for this geo, e.g. SE'),
  theme: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'a theme code such as violent_crime')
    .optional()
    .describe('Only alerts of this theme, e.g. violent_crime'),
  group: singleCode
    .default(REFERENCE_GROUP)
    .describe(`Aggregate geo whose members are screened (default ${REFERENCE_GROUP})`),
});

/** Emerging trends: the screen of a period's changes, and its Atom feed. */
export const alertRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/alerts',
    tag: 'analytics',
    summary:
      'Emerging trends: latest counts outside the 95% range a quasi-Poisson trend of the previous 7 years predicts, at least 20 offences in both years, false discovery rate 5% (Benjamini–Hochberg q) across the period and group; reclassification notices, sustained or one-year spike, the hit rate of past alerts; sorted by evidence',
    access: { kind: 'public' },
    query: AlertsQuery,
    response: AlertsResponseSchema,
    handler: ({ db, headers, query, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: '/api/alerts',
        locale,
        compute: (asOf, catalogue) => emergingTrends(db, catalogue, { ...query, asOf, locale }),
        csv: { render: alertsCsv, fileName: `alerts-${query.group}-${query.period ?? 'latest'}.csv` },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/alerts/feed.atom',
    tag: 'analytics',
    summary:
      'Atom feed of the latest period’s emerging-trend alerts, filterable by country and theme: subscribe without an account; each new alert is a new entry',
    access: { kind: 'public' },
    query: AlertsFeedQuery,
    handler: ({ db, headers, query, locale }) =>
      versionedAnswer({
        db,
        headers,
        asOf: null,
        key: queryKey('/api/alerts/feed.atom', query),
        locale,
        compute: (catalogue) => emergingTrends(db, catalogue, { group: query.group, asOf: null, locale }),
        csv: {
          wanted: true,
          contentType: 'application/atom+xml; charset=utf-8',
          render: (answer) => alertsFeed(answer, query, queryKey('/api/alerts/feed.atom', query), locale),
        },
      }),
  }),
];
