import { getJson } from '../../api/client';
import type { SessionState } from '../../api/session';
import type { Geo, ImportProfilesAnswer, ImportProfileView, SubmissionPreview } from '../../api/types';
import { submissionStatusText } from '../account-text';
import type { ViewState } from '../../state/url-state';
import type { Catalogue } from '../view-parts';
import { authMessage } from './transfer';
import { formatNumber } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';

/** An import profile: how to read a national file (columns, codes, number format), as /api/import-profiles lists it. */
export type ImportProfile = ImportProfileView;

export function sizeText(bytes: number): string {
  const locale = currentLocale();
  if (bytes < 10_000) return t('upload.size-bytes', { count: bytes });
  if (bytes < 10_000_000) return t('upload.size-kb', { size: formatNumber(Math.round(bytes / 1024), locale) });
  return t('upload.size-mb', { size: formatNumber(bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 }) });
}

/** The import profiles the signed-in account may use; a refusal becomes a message, not an error. */
export async function loadImportProfiles(): Promise<{ importProfiles: ImportProfile[]; problem: string | null }> {
  try {
    const answer = await getJson<ImportProfilesAnswer>('/api/import-profiles');
    return { importProfiles: answer.data, problem: null };
  } catch (error) {
    return { importProfiles: [], problem: authMessage(error) };
  }
}

/** The countries the account may upload for (a contact point: its own), and the one chosen first. */
export function uploadCountries(
  catalogue: Catalogue,
  session: SessionState,
  state: ViewState,
): { countries: Geo[]; geo: string } {
  const scope = session.user?.role === 'contact_point' ? session.user.geos : null;
  const countries = catalogue.geos.filter((g) => g.kind === 'country' && (!scope || scope.includes(g.code)));
  return { countries, geo: countries.find((g) => g.code === state.geos[0])?.code ?? countries[0]?.code ?? '' };
}

/**
 * What an upload's answer means. A byte-identical re-upload is answered with the earlier submission
 * itself (submissionId = duplicateOf): say that nothing new was stored, not that it repeats itself.
 */
export function uploadOutcomeText(answer: Pick<SubmissionPreview, 'submissionId' | 'status' | 'duplicateOf'>): string {
  const status = submissionStatusText(answer.status);
  if (answer.duplicateOf !== null) return t('upload.already-uploaded', { earlier: answer.duplicateOf, status });
  return t('upload.submission-outcome', { id: answer.submissionId, status });
}
