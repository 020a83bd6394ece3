import { badRequest } from '../../http/errors';
import { assertKnownCodes } from '../../http/known-codes';
import { defineRoute } from '../../http/route';
import { assertRolesOnce } from '../../import-profiles/profile-checks';
import { ProfilePreviewAnswerSchema, ProfilePreviewRequestSchema } from '../../shared/api/import-profile-preview';
import { CONTACTS } from '../submission.routes';
import { previewProfile } from './profile-preview';
import { sampleBytes } from './sample-bytes';

/**
 * The profile form's preview: who may upload a country's file may preview it. It reads the database and
 * writes nothing, so it is not audited (a refusal still is, by the wrapper).
 */
export const profilePreviewRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/import-profiles/preview',
    tag: 'profiles',
    summary:
      "Read a file's first bytes with a draft import profile, as an upload would: the first rows as cells, and why any row would be left out. Writes nothing",
    access: {
      kind: 'geo-scoped',
      roles: [...CONTACTS],
      geos: (ctx) => [ctx.body.geo],
    },
    body: ProfilePreviewRequestSchema,
    response: ProfilePreviewAnswerSchema,
    audit: false,
    handler: async ({ db, body, locale }) => {
      await assertKnownCodes(db, 'geo', [body.geo]);
      const own = body.profile.geo;
      if (own !== null && own !== body.geo)
        throw badRequest({ key: 'profile-preview.profile-other-geo', params: { own, geo: body.geo } });
      assertRolesOnce(body.profile);
      const bytes = sampleBytes(body.sample, body.complete);
      return previewProfile(db, { geo: body.geo, profile: body.profile, bytes, complete: body.complete, locale });
    },
  }),
];
