import { z } from 'zod';
import { type Actor, actorCovers, actorName } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest, conflict, notFound } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import { defineRoute, RouteResponse } from '../http/route';
import { ImportProfilesAnswerSchema } from '../shared/api/import-profiles';
import {
  deleteProfile,
  findProfile,
  insertProfile,
  isShippedProfileName,
  listProfiles,
  type StoredProfile,
  updateProfile,
} from './import-profile.repository';
import { ProfileDefinition } from '../shared/api/import-profiles';
import { assertRolesOnce } from './profile-checks';
import { assertProfileCorrespondence } from '../correspondences/correspondence.routes';

const CONTACTS = ['contact_point', 'secretariat'] as const;
/** A profile without a geo serves every country: only the secretariat (which covers all geos) may change it. */
export const ALL_GEOS = '(every geo)';
const NameParams = z.object({ name: z.string().min(1).max(64) });

/**
 * A contact point sees (and may use) the shipped profiles, the shared ones the secretariat saved, and
 * those of its own geos: another country's profile is not listed, and naming it is refused.
 */
function usableBy(actor: Actor, p: StoredProfile): boolean {
  return p.builtIn || p.definition.geo === null || actorCovers(actor, p.definition.geo);
}

function view(p: StoredProfile) {
  return { ...p.definition, builtIn: p.builtIn, createdBy: p.createdBy, updatedAt: p.updatedAt };
}

async function existing(db: DbOrTx, name: string): Promise<StoredProfile> {
  const found = await findProfile(db, name);
  if (!found) throw notFound({ key: 'submissions.unknown-profile', params: { name } });
  return found;
}

/** The geos a profile belongs to: none for a shipped or shared profile, which everyone may read. */
function geosOf(p: StoredProfile): string[] {
  return p.builtIn || p.definition.geo === null ? [] : [p.definition.geo];
}

async function checkIndicators(db: DbOrTx, profile: ProfileDefinition): Promise<void> {
  assertRolesOnce(profile);
  if (profile.geo) await assertKnownCodes(db, 'geo', [profile.geo]);
  await assertKnownCodes(db, 'indicator', [...new Set(profile.indicators.map((m) => m.indicator))]);
  const codes = profile.indicators.map((m) => m.code);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated) throw badRequest({ key: 'submissions.profile-code-twice', params: { code: repeated } });
  await assertProfileCorrespondence(db, profile);
}

export const importProfileRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/import-profiles',
    tag: 'profiles',
    summary:
      "Import profiles you may use: the shipped ones (Eurostat, World Bank, national exports), shared ones, and your geos' own",
    access: { kind: 'roles', roles: [...CONTACTS] },
    response: ImportProfilesAnswerSchema,
    handler: async ({ db, actor }) => ({ data: (await listProfiles(db)).filter((p) => usableBy(actor, p)).map(view) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/import-profiles/:name',
    tag: 'profiles',
    summary: "One import profile (a contact point sees shared ones and its own geos')",
    access: {
      kind: 'geo-scoped',
      roles: [...CONTACTS],
      geos: async (ctx) => geosOf(await existing(ctx.db, ctx.params.name)),
    },
    params: NameParams,
    handler: async ({ db, params }) => view(await existing(db, params.name)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/import-profiles',
    tag: 'profiles',
    summary:
      'Save a new import profile: column roles, national code mappings with comparability notes, filters, number, encoding and year formats',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => [ctx.body.geo ?? ALL_GEOS] },
    body: ProfileDefinition,
    handler: async ({ db, body, actor }) => {
      if (isShippedProfileName(body.name) || (await findProfile(db, body.name))) {
        throw conflict({ key: 'submissions.profile-exists', params: { name: body.name } });
      }
      await checkIndicators(db, body);
      await insertProfile(db, body, actorName(actor), new Date().toISOString());
      return new RouteResponse(view(await existing(db, body.name)), { status: 201 });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/import-profiles/:name',
    tag: 'profiles',
    summary: 'Replace a saved import profile',
    access: {
      kind: 'geo-scoped',
      roles: [...CONTACTS],
      geos: async (ctx) => [
        (await existing(ctx.db, ctx.params.name)).definition.geo ?? ALL_GEOS,
        ctx.body.geo ?? ALL_GEOS,
      ],
    },
    params: NameParams,
    body: ProfileDefinition,
    handler: async ({ db, params, body }) => {
      if (body.name !== params.name)
        throw badRequest({ key: 'submissions.profile-rename', params: { body: body.name, path: params.name } });
      if ((await existing(db, params.name)).builtIn) {
        throw conflict({ key: 'submissions.profile-built-in-change', params: { name: params.name } });
      }
      await checkIndicators(db, body);
      await updateProfile(db, body, new Date().toISOString());
      return view(await existing(db, body.name));
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/import-profiles/:name',
    tag: 'profiles',
    summary: 'Delete a saved import profile (submissions keep the name they were read with)',
    access: {
      kind: 'geo-scoped',
      roles: [...CONTACTS],
      geos: async (ctx) => [(await existing(ctx.db, ctx.params.name)).definition.geo ?? ALL_GEOS],
    },
    params: NameParams,
    handler: async ({ db, params }) => {
      if ((await existing(db, params.name)).builtIn)
        throw conflict({ key: 'submissions.profile-built-in-delete', params: { name: params.name } });
      await deleteProfile(db, params.name);
      return { deleted: params.name };
    },
  }),
];
