import type { AssessmentDiff, CycleList, PracticeActions, PriorityDetail } from '../../../server/shared/api/empact';
import { apiUrl, getFresh, sendJson } from '../../api/client';

/** EMPACT answers change with every edit, so none is answered from memory. */
export const empactApi = {
  cycles: () => getFresh<CycleList>('/api/empact/cycles'),
  priority: (id: number) => getFresh<PriorityDetail>(`/api/empact/priorities/${id}`),
  practiceActions: (slug: string) =>
    getFresh<PracticeActions>(`/api/empact/practices/${encodeURIComponent(slug)}/actions`),
  diff: (assessmentId: number) => getFresh<AssessmentDiff>(`/api/empact/assessments/${assessmentId}/diff`),
  send: <T = unknown>(method: 'POST' | 'PUT', path: string, body?: unknown) => sendJson<T>(method, path, body),
};

/** The factsheet's two forms: the HTML page (prints from any browser) and the PDF printed by the server. */
export function factsheetHrefs(query: { cycle: string; priority?: number; year?: number; geo?: string }): {
  html: string;
  pdf: string;
} {
  const params = { cycle: query.cycle, priority: query.priority, year: query.year, geo: query.geo };
  return { html: apiUrl('/api/empact/factsheet', params), pdf: apiUrl('/api/empact/factsheet.pdf', params) };
}
