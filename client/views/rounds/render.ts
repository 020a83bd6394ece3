import { t } from '../../i18n/i18n';
import { apiUrl, sendJson } from '../../api/client';
import type { MapGeometry } from '../../charts/choropleth';
import { h, setSvg } from '../../components/dom';
import type { ViewContext } from '../view-context';
import type { Completeness, GeoCompleteness, RoundDetail, RoundSummary } from '../../../server/shared/api/rounds';
import { secretariatPartActions } from './part-actions';
import { labelled, liveRegion } from '../account-parts';
import { viewHeader } from '../view-parts';
import { renderCompletenessMap } from './completeness-map';
import { deliveriesPublished, mapCells, rateText, STATE_TEXT, STATUS_TEXT } from './state';

function table(caption: string, columns: string[], rows: HTMLTableRowElement[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, ...rows),
    ),
  );
}

export function renderList(
  rounds: RoundSummary[],
  context: ViewContext,
  createForm: HTMLElement | null,
): HTMLElement[] {
  const rows = rounds.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: context.hrefFor({ view: 'rounds', id: String(r.id) }), text: r.name })),
      h('td', { text: STATUS_TEXT[r.status] }),
      h('td', { text: r.opensOn }),
      h('td', { text: r.dueOn }),
      h('td', { text: r.locksOn }),
      h('td', { class: 'num', text: String(r.geos.length) }),
    ),
  );
  return [
    viewHeader(
      'Collection rounds',
      'What the observatory asks each country to deliver, by when, and who has delivered. ' +
        'Each round shows its completeness and timeliness; once a round is due, who delivered what can be downloaded.',
    ),
    rounds.length
      ? table('Collection rounds, newest first', ['Round', 'Status', 'Opens', 'Due', 'Locks', 'Countries'], rows)
      : h('p', { text: 'No collection round yet.' }),
    ...(createForm ? [createForm] : []),
  ];
}

function summary(completeness: Completeness): HTMLElement {
  const o = completeness.overall;
  return h(
    'dl',
    { class: 'round-rates' },
    h('dt', { text: 'Completeness' }),
    h('dd', { text: `${rateText(o.completeness)} (${o.actual} of ${o.expected} countries complete)` }),
    h('dt', { text: 'Timeliness' }),
    h('dd', { text: `${rateText(o.timeliness)} (${o.onTime} of ${o.expected} complete by ${completeness.dueOn})` }),
    h('dt', { text: 'Cells' }),
    h('dd', {
      text: `${o.cellsDelivered} delivered, ${o.cellsNotAvailable} not available, ${o.cellsMissing} missing of ${o.cellsExpected}`,
    }),
  );
}

function completenessTable(
  completeness: Completeness,
  actions: ((geo: string, state: GeoCompleteness['state']) => HTMLElement) | null,
): HTMLElement {
  const rows = completeness.geos.map((g) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', text: `${g.geoName} (${g.geo})` }),
      h('td', { text: STATE_TEXT[g.state] }),
      h('td', { text: g.completedAt ? g.completedAt.slice(0, 16).replace('T', ' ') : '—' }),
      h('td', { text: g.actual ? (g.onTime ? 'Yes' : 'Late') : '—' }),
      h('td', { class: 'num', text: `${g.cellsDelivered} / ${g.cellsExpected}` }),
      h('td', { class: 'num', text: String(g.cellsNotAvailable) }),
      h('td', { class: 'num', text: rateText(g.cellCompleteness) }),
      h('td', { text: g.missing.map((m) => `${m.indicator} ${m.period}`).join(', ') || '—' }),
      actions ? h('td', {}, actions(g.geo, g.state)) : null,
    ),
  );
  const columns = [
    'Country',
    'State',
    'Completed (UTC)',
    'On time',
    'Delivered',
    'Not available',
    'Cell completeness',
    'Missing cells',
  ];
  return table(
    `Completeness of ${completeness.roundName} by country`,
    actions ? [...columns, 'Action'] : columns,
    rows,
  );
}

export interface RoundActions {
  /** The secretariat's tools, or null for everyone else. */
  secretariat: { reload: () => void } | null;
}

export function renderRound(
  round: RoundDetail,
  completeness: Completeness,
  map: MapGeometry,
  actions: RoundActions,
): HTMLElement[] {
  const status = liveRegion();
  const mapBox = h('figure', { class: 'chart-box' });
  setSvg(
    mapBox,
    renderCompletenessMap(map, mapCells(completeness), {
      title: `Completeness of ${round.name} by country`,
      idPrefix: 'round-map',
    }),
  );
  const secretariat = actions.secretariat;
  const partActions = secretariat ? secretariatPartActions(round, status, secretariat.reload) : null;
  const downloads = h(
    'p',
    { class: 'inline' },
    h('a', {
      class: 'button-link',
      href: apiUrl(`/api/rounds/${round.id}/completeness`, { format: 'csv' }),
      download: '',
      text: 'Download completeness (CSV)',
    }),
    deliveriesPublished(round)
      ? h('a', {
          class: 'button-link',
          href: apiUrl(`/api/rounds/${round.id}/deliveries`, { format: 'csv' }),
          download: '',
          text: 'Download who delivered what and when (CSV)',
        })
      : h('span', { class: 'hint', text: `Who delivered what is published after the due date (${round.dueOn}).` }),
  );
  const changes = round.changes.filter((c) => c.afterOpening);
  const exceptionForm = secretariat ? lockExceptionForm(round, secretariat.reload) : null;
  return [
    viewHeader(
      round.name,
      `${STATUS_TEXT[round.status]}. Opens ${round.opensOn}, due ${round.dueOn}, locks after ${round.locksOn}. ` +
        `${round.indicators.length} indicator(s) × ${round.periods.length} period(s) (${round.periods.join(', ')}) from ${round.geos.length} countries.`,
    ),
    round.guidance ? h('p', { class: 'guidance', text: round.guidance }) : null,
    summary(completeness),
    mapBox,
    completenessTable(completeness, partActions),
    downloads,
    status,
    changes.length
      ? h(
          'section',
          { 'aria-label': 'Changes after opening' },
          h('h3', { text: 'Changed after opening' }),
          h(
            'ul',
            {},
            ...changes.map((c) =>
              h('li', { text: `Version ${c.version}, ${c.changedAt.slice(0, 10)} by ${c.changedBy}` }),
            ),
          ),
        )
      : null,
    round.lockExceptions.length
      ? h(
          'section',
          { 'aria-label': 'Lock exceptions' },
          h('h3', { text: 'Lock exceptions' }),
          h(
            'ul',
            {},
            ...round.lockExceptions.map((e) =>
              h('li', {
                text:
                  `${e.geo} until ${e.until.slice(0, 16).replace('T', ' ')} UTC: ${e.reason} (${e.grantedBy})` +
                  (e.revokedAt
                    ? ` (${t('round-approvals.exception-revoked', { date: e.revokedAt.slice(0, 10), reason: e.revokeReason })})`
                    : ''),
              }),
            ),
          ),
        )
      : null,
    exceptionForm,
  ].filter((e): e is HTMLElement => e !== null);
}

/** The secretariat lets one country change the round's cells after the lock date, until a given day. */
function lockExceptionForm(round: RoundDetail, reload: () => void): HTMLElement {
  const status = liveRegion();
  const geo = h('select', { name: 'geo' }, ...round.geos.map((g) => h('option', { value: g, text: g })));
  const until = h('input', { type: 'date', name: 'until', required: true });
  const reason = h('input', { type: 'text', name: 'reason', required: true, minlength: 5 });
  const form = h(
    'form',
    { class: 'round-form', 'aria-labelledby': 'lock-exception-heading' },
    h('h3', { id: 'lock-exception-heading', text: 'Grant a lock exception' }),
    labelled('Country', geo),
    labelled('Until (end of the day, UTC)', until),
    labelled('Reason', reason),
    h('button', { type: 'submit', text: 'Grant the exception' }),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendJson('POST', `/api/rounds/${round.id}/lock-exceptions`, {
      geo: geo.value,
      until: `${until.value}T23:59:59.999Z`,
      reason: reason.value,
    }).then(reload, (error: unknown) => {
      status.replaceChildren(
        h('p', {
          class: 'error',
          role: 'alert',
          text: `No exception was granted: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    });
  });
  return form;
}

const field = (name: string, type: string, value = '') => h('input', { name, type, value, required: true });

/** The secretariat's form for a new round; fields carry the API's names, and the server's message says what to fix. */
export function createRoundForm(
  defaults: { geos: string[]; today: string; due: string; locks: string },
  onCreated: (id: number) => void,
): HTMLElement {
  const status = liveRegion();
  const name = field('name', 'text');
  const indicators = field('indicators', 'text', 'ICCS0101');
  const periods = field('periods', 'text', String(Number(defaults.today.slice(0, 4)) - 1));
  const geos = field('geos', 'text', defaults.geos.join(', '));
  const opensOn = field('opensOn', 'date', defaults.today);
  const dueOn = field('dueOn', 'date', defaults.due);
  const locksOn = field('locksOn', 'date', defaults.locks);
  const clean = h('input', { type: 'checkbox', name: 'cleanValidation' });
  const twoLevel = h('input', { type: 'checkbox', name: 'twoLevelApproval' });
  const guidance = h('textarea', { name: 'guidance', rows: 3 });
  const list = (input: HTMLInputElement) =>
    input.value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const form = h(
    'form',
    { class: 'round-form', 'aria-labelledby': 'new-round-heading' },
    h('h3', { id: 'new-round-heading', text: 'Open a new round' }),
    labelled('Name', name, 'e.g. Core indicators 2025'),
    labelled('Indicators', indicators, 'codes, separated by commas'),
    labelled('Periods', periods, 'e.g. 2024, or 2024-Q1'),
    labelled('Countries', geos, 'geo codes, separated by commas'),
    labelled('Opens on', opensOn),
    labelled('Due on', dueOn),
    labelled('Locks after', locksOn),
    labelled('Completion requires a clean validation', clean),
    labelled('Two-level approval', twoLevel),
    labelled('Guidance for contact points', guidance),
    h('button', { type: 'submit', class: 'primary', text: 'Open the round' }),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendJson<RoundDetail>('POST', '/api/rounds', {
      name: name.value,
      indicators: list(indicators),
      periods: list(periods),
      geos: list(geos).map((g) => g.toUpperCase()),
      opensOn: opensOn.value,
      dueOn: dueOn.value,
      locksOn: locksOn.value,
      cleanValidation: clean.checked,
      twoLevelApproval: twoLevel.checked,
      guidance: guidance.value,
    }).then(
      (round) => onCreated(round.id),
      (error: unknown) => {
        status.replaceChildren(
          h('p', {
            class: 'error',
            role: 'alert',
            text: `The round was not created: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      },
    );
  });
  return form;
}
