import { translate } from '../../i18n/translate';
import { type ProfileDefinition, ProfileDefinition as ProfileSchema } from '../../shared/api/import-profiles';
import type { ReadingSummary } from '../../shared/api/submissions';
import type { Locale, LocalisedText } from '../../shared/i18n';
import { detectFormat, eurostatDimensions, type FileFormat } from './layout';
import { readerText } from './reader-text';
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
 * Chooses how to read a file from its header: exactly one profile, never a merge of several and never
 * another country's saved one. The profile the uploader named; else, by the layout the header shows,
 * the canonical or wide reading, or a profile shipped with the observatory (data/profiles): a
 * Eurostat TSV the one with the same key dimensions, a World Bank CSV the World Bank one.
 * `shipped` holds only shipped profiles: saved ones are used when named, so that what one country
 * saves can never change how another country's file is read.
 */
export function planReading(
  header: string[],
  named: ProfileDefinition | null,
  shipped: ProfileDefinition[],
  report: ReportBuilder,
): ReadPlan | null {
  if (named?.shape === 'jsonstat') {
    report.error(
      1,
      null,
      header.join(',').slice(0, 200),
      'profile-mismatch',
      readerText({ key: 'readers.plan.jsonstat-profile-for-table', params: { profile: named.name } }),
    );
    return null;
  }
  if (named) {
    const format = named.shape === 'long' && isCanonical(named) ? 'canonical' : named.shape;
    return { format, profile: withShapeDefaults(named), reason: namedByUploader(named.name) };
  }
  const format = detectFormat(header);
  if (format === 'canonical')
    return { format, profile: CANONICAL_PROFILE, reason: readerText({ key: 'readers.plan.reason.canonical' }) };
  if (format === 'wide') {
    const profile = withShapeDefaults(ProfileSchema.parse({ name: 'wide', shape: 'wide' }));
    return { format, profile, reason: readerText({ key: 'readers.plan.reason.wide' }) };
  }
  if (format === 'eurostat') return eurostatPlan(header, shipped, report);
  if (format === 'worldbank') return worldBankPlan(header, shipped, report);
  report.error(1, null, header.join(',').slice(0, 200), 'missing-header', { key: 'validation.header-unrecognised' });
  return null;
}

/** Why a file is read with the profile its uploader named. */
export function namedByUploader(profile: string): LocalisedText {
  return readerText({ key: 'readers.plan.reason.named', params: { profile } });
}

/**
 * How the file was read, in the reader's language: `profileReason` rendered from its message. A
 * report stored before reasons had messages keeps its English text.
 */
export function localiseReading(reading: ReadingSummary, locale: Locale): ReadingSummary {
  const message = reading.profileReasonMessage;
  return message ? { ...reading, profileReason: translate(locale, message as LocalisedText) } : reading;
}

function isCanonical(profile: ProfileDefinition): boolean {
  return profile.columns.geo === 'geo' && profile.columns.value === 'value' && profile.name === 'canonical';
}

function eurostatPlan(header: string[], shipped: ProfileDefinition[], report: ReportBuilder): ReadPlan | null {
  const dims = eurostatDimensions(header);
  const matching = shipped.filter((p) => p.shape === 'eurostat' && p.keyDimensions?.join(',') === dims.join(','));
  if (matching.length > 1) {
    report.error(
      1,
      null,
      header[0] ?? '',
      'missing-header',
      readerText({
        key: 'readers.plan.eurostat-key-shared',
        params: { key: dims.join(','), profiles: matching.map((p) => `"${p.name}"`).join(', ') },
      }),
    );
    return null;
  }
  const profile = matching[0];
  if (profile) {
    const reason = readerText({
      key: 'readers.plan.reason.eurostat',
      params: { key: dims.join(','), profile: profile.name },
    });
    return { format: 'eurostat', profile: withShapeDefaults(profile), reason };
  }
  report.error(1, null, header[0] ?? '', 'missing-header', {
    key: 'validation.eurostat-key-unknown',
    params: { dims: dims.join(',') },
  });
  return null;
}

function worldBankPlan(header: string[], shipped: ProfileDefinition[], report: ReportBuilder): ReadPlan | null {
  const profile = shipped.find((p) => p.shape === 'worldbank');
  if (profile) {
    const reason = readerText({ key: 'readers.plan.reason.worldbank', params: { profile: profile.name } });
    return { format: 'worldbank' satisfies FileFormat, profile: withShapeDefaults(profile), reason };
  }
  report.error(1, null, header.join(',').slice(0, 200), 'missing-header', { key: 'validation.worldbank-no-profile' });
  return null;
}
