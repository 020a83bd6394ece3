import { readAnswer, sendJson } from '../../api/client';
import { h } from '../../components/dom';
import { saveBlob } from '../../components/downloads';
import type { OwedCell, RoundPart } from '../../../server/shared/api/rounds';
import { actionButton, labelled, liveRegion, problemBox } from '../account-parts';
import { cellComment, cellStateText, loadOwed, owedCount } from './owed-state';
import { formatNumber } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';
import { dateText } from './state';

const numberText = (value: number | null) => (value === null ? '—' : formatNumber(value, currentLocale()));

function unavailableForm(part: RoundPart, cell: OwedCell, done: () => void, status: HTMLElement): HTMLElement {
  const reason = h('input', { type: 'text', name: 'reason', required: true, minlength: 5 });
  const form = h(
    'form',
    { class: 'inline' },
    labelled(t('rounds.why-unavailable', { indicator: cell.indicator, period: cell.period }), reason),
    h('button', { type: 'submit', text: t('rounds.declare-unavailable') }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendJson('PUT', `/api/rounds/${part.roundId}/parts/${part.geo}/unavailable`, {
      indicator: cell.indicator,
      period: cell.period,
      reason: reason.value,
    }).then(done, (error: unknown) => status.replaceChildren(problemBox(t('rounds.declaration-failed'), error)));
  });
  return h('details', {}, h('summary', { text: t('rounds.not-available-nationally') }), form);
}

function cellTable(part: RoundPart, reload: () => void, status: HTMLElement): HTMLElement {
  const rows = part.cells.map((c) =>
    h(
      'tr',
      { class: `cell-${c.state}` },
      h('th', { scope: 'row', text: `${c.indicatorName} (${c.indicator})` }),
      h('td', { text: c.period }),
      h('td', {}, h('span', { class: `status status-${c.state}`, text: cellStateText(c.state) })),
      h('td', { class: 'num', text: numberText(c.value) }),
      h('td', { class: 'num', text: numberText(c.previousValue) }),
      h(
        'td',
        {},
        cellComment(c),
        c.state === 'missing' && part.state === 'open' ? unavailableForm(part, c, reload, status) : '',
      ),
    ),
  );
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': t('rounds.owes-in', { geo: part.geo, round: part.roundName }),
    },
    h(
      'table',
      {},
      h('caption', { text: t('rounds.owes-caption', { geo: part.geo, round: part.roundName }) }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['indicator', 'period', 'state', 'value', 'period-before', 'note'].map((column) =>
            h('th', { scope: 'col', text: t(`rounds.owed-column.${column}`) }),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function partActions(part: RoundPart, reload: () => void, status: HTMLElement): HTMLElement {
  const base = `/api/rounds/${part.roundId}/parts/${part.geo}`;
  const act = (text: string, path: string, said: string) =>
    actionButton(
      text,
      status,
      async () => {
        await sendJson('POST', `${base}/${path}`);
        reload();
        return said;
      },
      { label: t('rounds.action-on-part', { action: text, geo: part.geo, round: part.roundName }) },
    );
  const template = h('button', { type: 'button', text: t('rounds.download-template') });
  template.addEventListener('click', async () => {
    try {
      const response = await fetch(`${base}/template`, { headers: { 'Accept-Language': currentLocale() } });
      if (!response.ok) await readAnswer(response);
      saveBlob(await response.blob(), `round-${part.roundId}-${part.geo}.csv`);
    } catch (error) {
      status.replaceChildren(problemBox(t('my-country.template-failed'), error));
    }
  });
  return h(
    'div',
    { class: 'inline' },
    template,
    part.state === 'open'
      ? act(
          t('rounds.mark-complete'),
          'complete',
          t('rounds.marked-complete', { geo: part.geo, round: part.roundName }),
        )
      : null,
    part.state === 'complete' ? act(t('rounds.undo-completion'), 'reopen', t('rounds.completion-undone')) : null,
    part.state === 'complete' && part.twoLevelApproval
      ? act(t('rounds.approve-national'), 'approve', t('rounds.approved-national'))
      : null,
  );
}

function partSection(part: RoundPart, reload: () => void): HTMLElement {
  const status = liveRegion();
  const { missing, total } = owedCount(part);

  return h(
    'section',
    { class: 'round-part', 'aria-label': `${part.roundName}, ${part.geo}` },
    h('h5', {
      text: t('rounds.part-heading', {
        round: part.roundName,
        due: dateText(part.dueOn),
        locks: dateText(part.locksOn),
      }),
    }),
    h('p', {
      text: [
        t(part.completedBy ? 'rounds.part-progress-by' : 'rounds.part-progress', {
          done: total - missing,
          total,
          state: t(`rounds.state.${part.state}`),
          who: part.completedBy,
        }),
        part.cleanValidation ? t('rounds.clean-required') : '',
      ]
        .filter(Boolean)
        .join(' '),
    }),
    part.guidance ? h('p', { class: 'guidance', text: part.guidance }) : null,
    cellTable(part, reload, status),
    partActions(part, reload, status),
    status,
  );
}

/**
 * "What I owe": a geo's part of each open round, cell by cell, with completion and notices. My
 * country mounts it in each country's section.
 */
export function owedPanel(geo: string): HTMLElement {
  const panel = h(
    'section',
    { class: 'owed', 'aria-label': t('rounds.rounds-for', { geo }) },
    h('p', { text: t('rounds.loading') }),
  );
  const load = async () => {
    try {
      const { parts, notices } = await loadOwed(geo);
      panel.replaceChildren(
        h('h4', { text: t('rounds.what-owes', { geo }) }),
        notices.length
          ? h(
              'ul',
              { class: 'notices', 'aria-label': t('rounds.notices-for', { geo }) },
              ...notices.map((n) => h('li', { text: `${dateText(n.createdAt.slice(0, 10))}: ${n.message}` })),
            )
          : '',
        ...(parts.length
          ? parts.map((p) => partSection(p, () => void load()))
          : [h('p', { text: t('rounds.none-open', { geo }) })]),
      );
    } catch (error) {
      panel.replaceChildren(problemBox(t('rounds.rounds-failed', { geo }), error));
    }
  };
  void load();
  return panel;
}
