import { readAnswer, sendJson } from '../../api/client';
import { h } from '../../components/dom';
import { saveBlob } from '../../components/downloads';
import type { OwedCell, RoundPart } from '../../../server/shared/api/rounds';
import { actionButton, labelled, liveRegion, problemBox } from '../account-parts';
import { cellComment, CELL_TEXT, loadOwed, owedCount } from './owed-state';

const numberText = (value: number | null) => (value === null ? '—' : value.toLocaleString('en'));

function unavailableForm(part: RoundPart, cell: OwedCell, done: () => void, status: HTMLElement): HTMLElement {
  const reason = h('input', { type: 'text', name: 'reason', required: true, minlength: 5 });
  const form = h(
    'form',
    { class: 'inline' },
    labelled(`Why ${cell.indicator} ${cell.period} does not exist nationally`, reason),
    h('button', { type: 'submit', text: 'Declare not available' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendJson('PUT', `/api/rounds/${part.roundId}/parts/${part.geo}/unavailable`, {
      indicator: cell.indicator,
      period: cell.period,
      reason: reason.value,
    }).then(done, (error: unknown) => status.replaceChildren(problemBox('The declaration was not saved', error)));
  });
  return h('details', {}, h('summary', { text: 'Not available nationally?' }), form);
}

function cellTable(part: RoundPart, reload: () => void, status: HTMLElement): HTMLElement {
  const rows = part.cells.map((c) =>
    h(
      'tr',
      { class: `cell-${c.state}` },
      h('th', { scope: 'row', text: `${c.indicatorName} (${c.indicator})` }),
      h('td', { text: c.period }),
      h('td', {}, h('span', { class: `status status-${c.state}`, text: CELL_TEXT[c.state] })),
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
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `What ${part.geo} owes in ${part.roundName}` },
    h(
      'table',
      {},
      h('caption', { text: `${part.roundName}: what ${part.geo} owes` }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Indicator', 'Period', 'State', 'Value', 'Period before', 'Note'].map((t) =>
            h('th', { scope: 'col', text: t }),
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
      { label: `${text}: ${part.geo}, ${part.roundName}` },
    );
  const template = h('button', { type: 'button', text: 'Download the round template' });
  template.addEventListener('click', async () => {
    try {
      const response = await fetch(`${base}/template`);
      if (!response.ok) await readAnswer(response);
      saveBlob(await response.blob(), `round-${part.roundId}-${part.geo}.csv`);
    } catch (error) {
      status.replaceChildren(problemBox('The template could not be downloaded', error));
    }
  });
  return h(
    'div',
    { class: 'inline' },
    template,
    part.state === 'open'
      ? act('Mark complete', 'complete', `${part.geo}'s part of ${part.roundName} is complete.`)
      : null,
    part.state === 'complete' ? act('Undo completion', 'reopen', 'Completion undone: the part is open again.') : null,
    part.state === 'complete' && part.twoLevelApproval
      ? act('Approve (national representative)', 'approve', 'Approved; the secretariat accepts it next.')
      : null,
  );
}

function partSection(part: RoundPart, reload: () => void): HTMLElement {
  const status = liveRegion();
  const { missing, total } = owedCount(part);
  const who = part.completedBy ? ` by ${part.completedBy}` : '';
  return h(
    'section',
    { class: 'round-part', 'aria-label': `${part.roundName}, ${part.geo}` },
    h('h5', { text: `${part.roundName}: due ${part.dueOn}, locks after ${part.locksOn}` }),
    h('p', {
      text:
        `${total - missing} of ${total} figures delivered or declared; part ${part.state}${who}.` +
        (part.cleanValidation
          ? ' Completion requires a clean validation: explain each warning with a note or a "b" flag.'
          : ''),
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
    { class: 'owed', 'aria-label': `Collection rounds for ${geo}` },
    h('p', { text: 'Loading the collection rounds…' }),
  );
  const load = async () => {
    try {
      const { parts, notices } = await loadOwed(geo);
      panel.replaceChildren(
        h('h4', { text: `Collection rounds: what ${geo} owes` }),
        notices.length
          ? h(
              'ul',
              { class: 'notices', 'aria-label': `Notices for ${geo}` },
              ...notices.map((n) => h('li', { text: `${n.createdAt.slice(0, 10)}: ${n.message}` })),
            )
          : '',
        ...(parts.length
          ? parts.map((p) => partSection(p, () => void load()))
          : [h('p', { text: `No open collection round asks ${geo} for figures.` })]),
      );
    } catch (error) {
      panel.replaceChildren(problemBox(`The collection rounds for ${geo} could not be loaded`, error));
    }
  };
  void load();
  return panel;
}
