import type { AuditAnswer, AuditEntry } from '../../api/types';
import { h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { problemBox, sessionWithRole } from '../account-parts';
import { timeText } from '../account-text';
import { auditFilterForm } from './form';
import {
  AUDIT_PAGE_SIZE,
  auditFilters,
  dateRangeProblem,
  loadAuditPage,
  detailPairs,
  outcomeText,
  pageCount,
  pagingText,
  viaText,
} from './state';
import { viewHeader } from '../view-parts';
import { t } from '../../i18n/i18n';

function detailList(detail: AuditEntry['detail']): HTMLElement | string {
  const pairs = detailPairs(detail);
  if (!pairs.length) return '—';
  return h(
    'dl',
    { class: 'detail' },
    // The keys are the record's field names, shown as the machine identifiers they are.
    ...pairs.flatMap(([key, value]) => [h('dt', {}, h('code', { text: key })), h('dd', { text: value })]),
  );
}

function entryRow(entry: AuditEntry): HTMLElement {
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, h('time', { datetime: entry.at, title: entry.at, text: timeText(entry.at) })),
    h('td', { class: 'actor', text: entry.actor }),
    h('td', { text: viaText(entry.via) }),
    h('td', { text: entry.action }),
    h('td', { text: entry.target || '—' }),
    h('td', { class: `outcome outcome-${entry.outcome}`, text: outcomeText(entry.outcome) }),
    h('td', { text: entry.ip }),
    h('td', {}, detailList(entry.detail)),
  );
}

function entryTable(answer: AuditAnswer): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('audit.entries-label') },
    h(
      'table',
      { class: 'audit' },
      h('caption', { text: t('audit.caption', { count: answer.meta.total }) }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['time', 'actor', 'via', 'action', 'target', 'outcome', 'ip', 'detail'].map((column) =>
            h('th', { scope: 'col', text: t(`audit.column.${column}`) }),
          ),
        ),
      ),
      h('tbody', {}, ...answer.data.map(entryRow)),
    ),
  );
}

interface Pager {
  element: HTMLElement;
  show: (page: number, count: number, total: number, filtered: boolean) => void;
}

/** "Showing 51–100 of 812" in a live region, with Previous and Next buttons that keep their place and focus. */
function pager(go: (page: number) => void): Pager {
  const status = h('p', { class: 'paging', role: 'status' });
  const previous = h('button', { type: 'button', text: t('audit.previous') });
  const next = h('button', { type: 'button', text: t('audit.next') });
  const buttons = h('div', { class: 'inline' }, previous, next);
  let page = 1;
  let total = 0;
  previous.addEventListener('click', () => go(Math.min(page - 1, pageCount(total))));
  next.addEventListener('click', () => go(page + 1));
  return {
    element: h('nav', { class: 'pager', 'aria-label': t('audit.pages') }, status, buttons),
    show: (shown, count, matching, filtered) => {
      page = shown;
      total = matching;
      const focused = document.activeElement;
      status.textContent = total ? pagingText(page, count, total) : filtered ? t('audit.no-match') : t('audit.empty');
      buttons.hidden = page === 1 && total <= AUDIT_PAGE_SIZE;
      previous.disabled = page <= 1;
      next.disabled = page * AUDIT_PAGE_SIZE >= total;
      // The pressed button is disabled at either end: keep the keyboard in the pager.
      if (focused === next && next.disabled) previous.focus();
      if (focused === previous && previous.disabled) next.focus();
    },
  };
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, t('audit.title'), ['secretariat'], t('approvals.who'));
  if (!session) return { update: () => false };
  const form = auditFilterForm((filters) => context.navigate({ facets: filters, page: 1 }));
  const results = h('div', {});
  const pages = pager((page) => context.navigate({ page }));
  // Only the latest state's answer (or error) is shown: an earlier request still in flight is dropped.
  let latestShow = 0;
  const show = async (state: ViewState) => {
    const mine = ++latestShow;
    const filters = auditFilters(state.facets);
    form.fill(filters);
    const problem = dateRangeProblem(filters);
    form.report(problem, false);
    if (problem) {
      results.replaceChildren();
      pages.element.hidden = true;
      return;
    }
    try {
      const answer = await loadAuditPage(filters, state.page);
      if (mine !== latestShow) return;
      results.replaceChildren(answer.data.length ? entryTable(answer) : '');
      pages.element.hidden = false;
      pages.show(state.page, answer.data.length, answer.meta.total, Object.keys(filters).length > 0);
    } catch (error) {
      if (mine !== latestShow) return;
      results.replaceChildren(problemBox(t('audit.read-failed'), error));
      pages.element.hidden = true;
    }
  };
  container.replaceChildren(
    viewHeader(t('audit.title'), t('audit.intro')),
    h(
      'section',
      { 'aria-labelledby': 'audit-filter-heading' },
      h('h3', { id: 'audit-filter-heading', text: t('audit.filter') }),
      form.element,
    ),
    h(
      'section',
      { 'aria-labelledby': 'audit-entries-heading' },
      h('h3', { id: 'audit-entries-heading', text: t('audit.entries') }),
      results,
      pages.element,
    ),
  );
  await show(initial);
  return {
    update: async (state) => {
      await show(state);
      return true;
    },
  };
}
