/** The audit-log view's state: its filters, paging and texts (pure functions, unit-tested) and the page it loads. */
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../../server/shared/audit-outcomes';
import { getFresh } from '../../api/client';
import type { AuditAnswer } from '../../api/types';
import { timeText } from '../account-text';

export const AUDIT_PAGE_SIZE = 50;

/** The filters the view keeps in the URL (as facets), named as GET /api/audit names them. */
export const AUDIT_FILTERS = ['actor', 'action', 'target', 'outcome', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Partial<Record<AuditFilterName, string>>;

export const OUTCOME_TEXT: Record<AuditOutcome, string> = { ok: 'OK', denied: 'Denied', failed: 'Failed' };

const VIA_TEXT: Record<string, string> = {
  session: 'signed-in session',
  token: 'API token',
  system: 'system',
  anonymous: 'not signed in',
};

/** The audit filters among a state's facets: other facets, empty values and unknown outcomes are left out. */
export function auditFilters(facets: Record<string, string>): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of AUDIT_FILTERS) {
    const value = facets[name]?.trim();
    if (value && (name !== 'outcome' || (AUDIT_OUTCOMES as readonly string[]).includes(value))) filters[name] = value;
  }
  return filters;
}

/** The GET /api/audit query for a filter and a page (from 1). */
export function auditQuery(filters: AuditFilters, page: number): AuditFilters & { limit: number; offset: number } {
  return { ...filters, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE };
}

/** One page of entries matching the filters, newest first (never answered from memory: the log grows). */
export function loadAuditPage(filters: AuditFilters, page: number): Promise<AuditAnswer> {
  return getFresh<AuditAnswer>('/api/audit', auditQuery(filters, page));
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export interface DateProblem {
  field: 'from' | 'to';
  message: string;
}

/** What is wrong with a date range, or null. Both ends are whole days and both are included. */
export function dateRangeProblem(filters: AuditFilters): DateProblem | null {
  for (const field of ['from', 'to'] as const) {
    const value = filters[field];
    if (value !== undefined && !isDate(value)) {
      return {
        field,
        message: `"${field === 'from' ? 'From' : 'To'}" is not a date: "${value}". Write it as year-month-day, e.g. 2026-11-22.`,
      };
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    return {
      field: 'from',
      message: `"From" (${filters.from}) is after "To" (${filters.to}). Choose a first day on or before the last day.`,
    };
  }
  return null;
}

/** "Showing 51–100 of 812"; a page past the end says how many pages there are. */
export function pagingText(page: number, count: number, total: number): string {
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  if (count === 0)
    return `Page ${page} is past the end: the ${total} matching entries fill ${pageCount(total)} page${pageCount(total) === 1 ? '' : 's'}.`;
  return count === 1 ? `Showing ${first} of ${total}` : `Showing ${first}–${first + count - 1} of ${total}`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
}

export function viaText(via: string): string {
  return VIA_TEXT[via] ?? via;
}

/** One detail value as text: lists joined, ISO times as dates, anything nested as JSON. */
export function detailValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(detailValueText).join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return timeText(value);
  return String(value);
}

/** An entry's detail object as [key, value] pairs of text, in the order recorded. */
export function detailPairs(detail: Record<string, unknown> | null): [string, string][] {
  return Object.entries(detail ?? {}).map(([key, value]) => [key, detailValueText(value)]);
}
