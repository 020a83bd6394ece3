import type { DbOrTx } from '../db/database';
import { listProfiles } from '../import-profiles/import-profile.repository';
import { translate } from '../i18n/translate';
import type { ComparabilityWarning, MeasuredValue } from '../shared/api/analytics';
import type { LocalisedText } from '../shared/i18n';

/**
 * National definitions recorded in the import profiles that geos actually committed data with. The
 * profile's comparability text is the contact point's own words and is quoted as written.
 */
export async function profileDefinitionNotes(
  db: DbOrTx,
  indicator: string,
  geos: string[],
): Promise<Map<string, LocalisedText>> {
  const notes = new Map<string, LocalisedText>();
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
    if (mapping)
      notes.set(geo, {
        key: 'analytics.comparability.profile-note',
        params: { profile: profile!, note: mapping.comparability },
      });
  }
  return notes;
}

/**
 * Geos whose figure should not be compared at face value: a break in series (b) or a definition
 * that differs (d), on the value or on the population it was divided by, or a national definition
 * recorded in the import profile the geo submitted with. Each warning's reasons are joined with
 * "; " in English and kept as messages, rendered in the reader's language when answered.
 */
export function comparabilityWarnings(
  rows: { geo: string; measured: MeasuredValue }[],
  profileNotes: Map<string, LocalisedText> = new Map(),
): ComparabilityWarning[] {
  const warnings: ComparabilityWarning[] = [];
  for (const { geo, measured } of rows) {
    const reasons = flagReasons(measured);
    const note = profileNotes.get(geo);
    if (note) reasons.push(note);
    if (!reasons.length) continue;
    const reasonMessage = { key: 'analytics.comparability.reasons', params: { reasons } };
    warnings.push({ geo, flags: measured.flags, reason: translate('en', reasonMessage), reasonMessage });
  }
  return warnings;
}

function flagReasons(measured: MeasuredValue): LocalisedText[] {
  const reasons: string[] = [];
  if (measured.countFlags.includes('b')) reasons.push('count-break');
  if (measured.countFlags.includes('d')) reasons.push('count-definition');
  const populationFlags = measured.denominator?.flags ?? '';
  if (populationFlags.includes('d')) reasons.push('population-definition');
  if (populationFlags.includes('b')) reasons.push('population-break');
  return reasons.map((reason) => ({ key: `analytics.comparability.${reason}` }));
}
