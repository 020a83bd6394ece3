import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../catalogue/paths';
import type { DbOrTx } from '../db/database';
import { ProfileDefinition } from '../shared/api/import-profiles';

export interface StoredProfile {
  definition: ProfileDefinition;
  /** Shipped with the observatory in data/profiles: read-only, copy it under a new name to change it. */
  builtIn: boolean;
  createdBy: string | null;
  updatedAt: string | null;
}

export const SHIPPED_PROFILE_DIR = path.join(DATA_DIR, 'profiles');
let shipped: ProfileDefinition[] | null = null;

/** The profiles in data/profiles, validated once. */
export function shippedProfiles(): ProfileDefinition[] {
  shipped ??= readdirSync(SHIPPED_PROFILE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = ProfileDefinition.safeParse(JSON.parse(readFileSync(path.join(SHIPPED_PROFILE_DIR, f), 'utf8')));
      if (!parsed.success) throw new Error(`data/profiles/${f} is not a valid import profile: ${parsed.error.message}`);
      return parsed.data;
    });
  return shipped;
}

/** A shipped profile by name, without a database. */
export function findProfileDefinition(name: string): ProfileDefinition | undefined {
  return shippedProfiles().find((p) => p.name === name);
}

function builtIn(definition: ProfileDefinition): StoredProfile {
  return { definition, builtIn: true, createdBy: null, updatedAt: null };
}

export async function findProfile(db: DbOrTx, name: string): Promise<StoredProfile | undefined> {
  const own = shippedProfiles().find((p) => p.name === name);
  if (own) return builtIn(own);
  const row = await db.selectFrom('import_profiles').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) return undefined;
  return {
    definition: ProfileDefinition.parse(JSON.parse(row.definition)),
    builtIn: false,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export async function listProfiles(db: DbOrTx): Promise<StoredProfile[]> {
  const rows = await db.selectFrom('import_profiles').selectAll().orderBy('name').execute();
  return [
    ...shippedProfiles().map(builtIn),
    ...rows.map((row) => ({
      definition: ProfileDefinition.parse(JSON.parse(row.definition)),
      builtIn: false,
      createdBy: row.created_by,
      updatedAt: row.updated_at,
    })),
  ];
}

export function isShippedProfileName(name: string): boolean {
  return shippedProfiles().some((p) => p.name === name);
}

export async function insertProfile(db: DbOrTx, definition: ProfileDefinition, by: string, now: string): Promise<void> {
  await db
    .insertInto('import_profiles')
    .values({
      name: definition.name,
      geo: definition.geo,
      definition: JSON.stringify(definition),
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateProfile(db: DbOrTx, definition: ProfileDefinition, now: string): Promise<void> {
  await db
    .updateTable('import_profiles')
    .set({ geo: definition.geo, definition: JSON.stringify(definition), updated_at: now })
    .where('name', '=', definition.name)
    .execute();
}

export async function deleteProfile(db: DbOrTx, name: string): Promise<void> {
  await db.deleteFrom('import_profiles').where('name', '=', name).execute();
}
