import type { DbOrTx } from '../db/database';
import { listProfiles } from '../import-profiles/import-profile.repository';
import type { ComparabilityWarning, MeasuredValue } from '../shared/api/analytics';

/** National definitions recorded in the import profiles that geos actually committed data with. */
export async function profileDefinitionNotes(
  db: DbOrTx,
  indicator: string,
  geos: string[],
): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  if (!geos.length) return notes;
  const used = await db
    .selectFrom('submissions')
    .select(['geo', 'profile'])
    .distinct()
    .where('status', '=', 'committed')
    .where('geo', 'in', geos)
    .where('profile', 'is not', null)
    .execute();
  if (!used.length) return notes;
  const profiles = new Map((await listProfiles(db)).map((p) => [p.definition.name, p.definition]));
  for (const { geo, profile } of used) {
    const mapping = profiles.get(profile!)?.indicators.find((m) => m.indicator === indicator);
    if (mapping) notes.set(geo, `import profile ${profile}: ${mapping.comparability}`);
  }
  return notes;
}

/**
 * Geos whose figure should not be compared at face value: a break in series (b) or a definition
 * that differs (d), on the value or on the population it was divided by, or a national definition
 * recorded in the import profile the geo submitted with.
 */
export function comparabilityWarnings(
  rows: { geo: string; measured: MeasuredValue }[],
  profileNotes: Map<string, string> = new Map(),
): ComparabilityWarning[] {
  const warnings: ComparabilityWarning[] = [];
  for (const { geo, measured } of rows) {
    const reasons: string[] = [];
    if (measured.countFlags.includes('b')) reasons.push('break in series (b): not comparable with earlier periods');
    if (measured.countFlags.includes('d')) reasons.push('national definition differs (d)');
    const populationFlags = measured.denominator?.flags ?? '';
    if (populationFlags.includes('d'))
      reasons.push('population denominator has a differing definition (d), e.g. a mid-year estimate');
    if (populationFlags.includes('b')) reasons.push('population denominator has a break in series (b)');
    const note = profileNotes.get(geo);
    if (note) reasons.push(note);
    if (reasons.length) warnings.push({ geo, flags: measured.flags, reason: reasons.join('; ') });
  }
  return warnings;
}
