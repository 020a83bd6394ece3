import { badRequest } from '../http/errors';
import { defineRoute } from '../http/route';
import { translate } from '../i18n/translate';
import type { DbOrTx } from '../db/database';
import {
  CorrespondenceCheckAnswerSchema,
  CorrespondenceCheckRequest,
  ShippedCorrespondencesAnswerSchema,
} from '../shared/api/correspondences';
import type { ProfileDefinition } from '../shared/api/import-profiles';
import { checkCorrespondenceCsv, profileCorrespondenceProblems } from './check';
import { type NamedGeo, namedGeos } from './geo-names';
import { shippedCorrespondences } from './shipped';

const CONTACTS = ['contact_point', 'secretariat'] as const;

async function geoIndex(db: DbOrTx): Promise<Map<string, NamedGeo>> {
  return new Map((await namedGeos(db)).map((g) => [g.code, g]));
}

/**
 * Refuses to save a profile whose correspondence names an unknown shipped table, an unknown geo, a geo of
 * another country than the profile's, or one national name twice: a 400 naming the first, with all listed.
 */
export async function assertProfileCorrespondence(db: DbOrTx, profile: ProfileDefinition): Promise<void> {
  const problems = profileCorrespondenceProblems(profile.correspondence, profile.geo, await geoIndex(db));
  const first = problems[0];
  if (!first) return;
  throw badRequest(first.message, {
    correspondence: problems.map((p) => ({ line: p.row, code: p.code, text: translate('en', p.message) })),
  });
}

export const correspondenceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/correspondences',
    tag: 'profiles',
    summary: 'Correspondence tables shipped with the observatory: national names or codes of a country → NUTS geos',
    access: { kind: 'roles', roles: [...CONTACTS] },
    response: ShippedCorrespondencesAnswerSchema,
    handler: () => ({
      data: shippedCorrespondences().map((c) => ({
        name: c.name,
        geo: c.geo,
        description: c.description,
        credit: c.credit,
        level: c.level,
        entries: c.entries.length,
      })),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/correspondences/check',
    tag: 'profiles',
    summary:
      'Check a two-column correspondence CSV (national name or code, observatory geo) for a profile of a country; nothing is stored',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => [ctx.body.geo] },
    body: CorrespondenceCheckRequest,
    response: CorrespondenceCheckAnswerSchema,
    handler: async ({ db, body, locale }) => {
      const { entries, problems } = checkCorrespondenceCsv(body.csv, body.geo, await geoIndex(db));
      return {
        valid: problems.length === 0,
        entries,
        problems: problems.map((p) => ({ ...p, message: translate(locale, p.message) })),
      };
    },
  }),
];
