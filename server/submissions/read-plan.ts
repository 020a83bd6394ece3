import { type ProfileDefinition, ProfileDefinition as ProfileSchema } from '../shared/api/import-profiles';
import { detectFormat, eurostatDimensions, type FileFormat } from './layout';
import type { ReportBuilder } from './report';
import type { ReadPlan } from './table-reader';

/** The observatory's own long format: one row per cell. */
export const CANONICAL_COLUMNS = ['geo', 'indicator', 'period', 'value', 'flags', 'note'] as const;

/** The canonical template read as a long table. */
export const CANONICAL_PROFILE: ProfileDefinition = ProfileSchema.parse({
  name: 'canonical',
  shape: 'long',
  columns: { geo: 'geo', indicator: 'indicator', period: 'period', value: 'value', flags: 'flags', note: 'note' },
});

/** Column roles a shape implies when the profile leaves them out. */
export function withShapeDefaults(profile: ProfileDefinition): ProfileDefinition {
  const c = profile.columns;
  if (profile.shape === 'worldbank') {
    return { ...profile, columns: { geo: 'Country Code', indicator: 'Indicator Code', ...c }, geoCodes: 'iso3' };
  }
  if (profile.shape === 'eurostat') return { ...profile, columns: { geo: 'geo', ...c } };
  if (profile.shape === 'wide') return { ...profile, columns: { geo: 'geo', indicator: 'indicator', ...c } };
  return profile;
}

/**
 * Chooses how to read a file from its header: the named profile, else the layout the header shows.
 * A Eurostat TSV picks the profile with the same key dimensions; a World Bank CSV uses the World Bank
 * profiles' indicator mappings.
 */
export function planReading(header: string[], named: ProfileDefinition | null, profiles: ProfileDefinition[], report: ReportBuilder): ReadPlan | null {
  if (named) return { format: named.shape === 'long' && isCanonical(named) ? 'canonical' : named.shape, profile: withShapeDefaults(named) };
  const format = detectFormat(header);
  if (format === 'canonical') return { format, profile: CANONICAL_PROFILE };
  if (format === 'wide') return { format, profile: withShapeDefaults(ProfileSchema.parse({ name: 'wide', shape: 'wide' })) };
  if (format === 'eurostat') return eurostatPlan(header, profiles, report);
  if (format === 'worldbank') return worldBankPlan(profiles);
  report.error(1, null, header.join(',').slice(0, 200), 'missing-header',
    'The first row is not a header the observatory recognises. Use the canonical header geo,indicator,period,value,flags,note ' +
      '(download /api/submissions/template?geo=XX), a wide table with geo, indicator and one column per year, a Eurostat TSV, ' +
      'a World Bank CSV, or choose an import profile for your national export.');
  return null;
}

function isCanonical(profile: ProfileDefinition): boolean {
  return profile.columns.geo === 'geo' && profile.columns.value === 'value' && profile.name === 'canonical';
}

function eurostatPlan(header: string[], profiles: ProfileDefinition[], report: ReportBuilder): ReadPlan | null {
  const dims = eurostatDimensions(header);
  const profile = profiles.find((p) => p.shape === 'eurostat' && p.keyDimensions?.join(',') === dims.join(','));
  if (profile) return { format: 'eurostat', profile: withShapeDefaults(profile) };
  report.error(1, null, header[0] ?? '', 'missing-header',
    `This is a Eurostat TSV with key ${dims.join(',')}, and no import profile reads that key. Create a profile (POST /api/profiles, shape "eurostat") that says which dimension holds the indicator and which rows to keep.`);
  return null;
}

function worldBankPlan(profiles: ProfileDefinition[]): ReadPlan {
  const mappings = profiles.filter((p) => p.shape === 'worldbank').flatMap((p) => p.indicators);
  const profile = ProfileSchema.parse({ name: 'worldbank', shape: 'worldbank', otherGeos: 'skip', indicators: mappings });
  return { format: 'worldbank' satisfies FileFormat, profile: withShapeDefaults(profile) };
}
