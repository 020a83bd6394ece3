import { getFresh, sendJson } from '../../api/client';
import type { SessionState } from '../../api/session';
import type { ApprovalItem, ApprovalsAnswer, SubmissionListItem, SubmissionsAnswer } from '../../api/types';
import type { ViewState } from '../../state/url-state';
import type { Catalogue } from '../view-parts';

/** A geo's submissions, newest first, with the secretariat's decision on each (when approval is on). */
export interface GeoSubmissions {
  submissions: SubmissionListItem[];
  decisions: Map<number, ApprovalItem>;
}

/** The secretariat's decisions by submission (empty when approval is off or the list is refused). */
async function decisions(geo: string): Promise<Map<number, ApprovalItem>> {
  try {
    const answer = await getFresh<ApprovalsAnswer>('/api/approvals', { geo, limit: 500 });
    return new Map(answer.data.map((a) => [a.submissionId, a]));
  } catch {
    return new Map();
  }
}

export async function loadGeoSubmissions(geo: string): Promise<GeoSubmissions> {
  const [answer, decided] = await Promise.all([
    getFresh<SubmissionsAnswer>('/api/submissions', { geo }),
    decisions(geo),
  ]);
  return { submissions: answer.data, decisions: decided };
}

export async function withdrawSubmission(id: number): Promise<void> {
  await sendJson('POST', `/api/submissions/${id}/withdraw`);
}

/** The geos shown: a contact point's own; for the secretariat, the one chosen (or the first country). */
export function myCountryGeos(
  session: SessionState,
  catalogue: Catalogue,
  state: ViewState,
): { geos: string[]; chosen: string | null } {
  if (session.user?.role === 'contact_point') return { geos: session.user.geos, chosen: null };
  const countries = catalogue.geos.filter((g) => g.kind === 'country');
  const chosen = state.geos[0] && catalogue.geoByCode.has(state.geos[0]) ? state.geos[0] : countries[0]!.code;
  return { geos: [chosen], chosen };
}
