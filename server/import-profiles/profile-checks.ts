import { badRequest } from '../http/errors';
import type { ProfileDefinition } from '../shared/api/import-profiles';

/**
 * A role read from a column and also fixed would be read two ways: refused, naming both. (The schema
 * cannot say it: a refinement would stop ImportProfileViewSchema from extending ProfileDefinition.)
 */
export function assertRolesOnce(profile: ProfileDefinition): void {
  for (const role of ['period', 'indicator'] as const) {
    const column =
      role === 'indicator' && profile.indicatorFrom ? profile.indicatorFrom.join(' | ') : profile.columns[role];
    const fixed = profile.fixed[role];
    if (column !== undefined && fixed !== undefined)
      throw badRequest({ key: 'profile-preview.role-twice', params: { role, column, fixed } });
  }
}
