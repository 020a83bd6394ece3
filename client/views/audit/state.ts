/** The audit-log view's state: its filters, paging and texts (pure functions, unit-tested) and the page it loads. */
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../../server/shared/audit-outcomes';
import { getFresh } from '../../api/client';
import type { AuditAnswer } from '../../api/types';
import { timeText } from '../account-text';
import { t } from '../../i18n/i18n';

export const AUDIT_PAGE_SIZE = 50;

/** The filters the view keeps in the URL (as facets), named as GET /api/audit names them. */
export const AUDIT_FILTERS = ['actor', 'action', 'target', 'outcome', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Partial<Record<AuditFilterName, string>>;

/** An outcome in words: OK, denied, failed. */
export function outcomeText(outcome: AuditOutcome): string {
  return t(`audit.outcome.${outcome}`);
}

const VIAS = ['session', 'token', 'system', 'anonymous'];

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
        message: t('audit.not-a-date', { field: t(`audit.${field}`), value }),
      };
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    return {
      field: 'from',
      message: t('audit.from-after-to', { from: filters.from, to: filters.to }),
    };
  }
  return null;
}

/** "Showing 51–100 of 812"; a page past the end says how many pages there are. */
export function pagingText(page: number, count: number, total: number): string {
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  if (count === 0) return t('audit.past-the-end', { page, total, pages: pageCount(total) });
  return count === 1
    ? t('audit.showing-one', { first, total })
    : t('audit.showing', { first, last: first + count - 1, total });
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
}

export function viaText(via: string): string {
  return VIAS.includes(via) ? t(`audit.via.${via}`) : via;
}

/** One detail value as text: lists joined, ISO times as dates, anything nested as JSON. */
export function detailValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(detailValueText).join(', ') : t('audit.none');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return timeText(value);
  return String(value);
}

/** An entry's detail object as [key, value] pairs of text, in the order recorded. */
export function detailPairs(detail: Record<string, unknown> | null): [string, string][] {
  return Object.entries(detail ?? {}).map(([key, value]) => [key, detailValueText(value)]);
}
