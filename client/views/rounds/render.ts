import { t } from '../../i18n/i18n';
import { apiUrl, sendJson } from '../../api/client';
import type { MapGeometry } from '../../charts/choropleth';
import { h, setSvg } from '../../components/dom';
import type { ViewContext } from '../view-context';
import type { Completeness, GeoCompleteness, RoundDetail, RoundSummary } from '../../../server/shared/api/rounds';
import { secretariatPartActions } from './part-actions';
import { labelled, liveRegion } from '../account-parts';
import { mapWidth, viewHeader } from '../view-parts';
import { renderCompletenessMap } from './completeness-map';
import { dateText, deliveriesPublished, mapCells, rateText, stateText, statusText } from './state';
import { timeText } from '../account-text';

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
      h('td', { text: statusText(r.status) }),
      h('td', { text: dateText(r.opensOn) }),
      h('td', { text: dateText(r.dueOn) }),
      h('td', { text: dateText(r.locksOn) }),
      h('td', { class: 'num', text: String(r.geos.length) }),
    ),
  );
  return [
    viewHeader(t('rounds.title'), t('rounds.intro')),
    rounds.length
      ? table(
          t('rounds.list-caption'),
          ['round', 'status', 'opens', 'due', 'locks', 'countries'].map((c) => t(`rounds.column.${c}`)),
          rows,
        )
      : h('p', { text: t('rounds.none') }),
    ...(createForm ? [createForm] : []),
  ];
}

function summary(completeness: Completeness): HTMLElement {
  const o = completeness.overall;
  return h(
    'dl',
    { class: 'round-rates' },
    h('dt', { text: t('rounds.completeness') }),
    h('dd', {
      text: t('rounds.completeness-value', { rate: rateText(o.completeness), actual: o.actual, expected: o.expected }),
    }),
    h('dt', { text: t('rounds.timeliness') }),
    h('dd', {
      text: t('rounds.timeliness-value', {
        rate: rateText(o.timeliness),
        onTime: o.onTime,
        expected: o.expected,
        due: dateText(completeness.dueOn),
      }),
    }),
    h('dt', { text: t('rounds.cells') }),
    h('dd', {
      text: t('rounds.cells-value', {
        delivered: o.cellsDelivered,
        notAvailable: o.cellsNotAvailable,
        missing: o.cellsMissing,
        expected: o.cellsExpected,
      }),
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
      h('td', { text: stateText(g.state) }),
      h('td', { text: g.completedAt ? timeText(g.completedAt) : '—' }),
      h('td', { text: g.actual ? (g.onTime ? t('rounds.on-time-yes') : t('rounds.late')) : '—' }),
      h('td', { class: 'num', text: `${g.cellsDelivered} / ${g.cellsExpected}` }),
      h('td', { class: 'num', text: String(g.cellsNotAvailable) }),
      h('td', { class: 'num', text: rateText(g.cellCompleteness) }),
      h('td', { text: g.missing.map((m) => `${m.indicator} ${m.period}`).join(', ') || '—' }),
      actions ? h('td', {}, actions(g.geo, g.state)) : null,
    ),
  );
  const columns = [
    'country',
    'state',
    'completed',
    'on-time',
    'delivered',
    'not-available',
    'cell-completeness',
    'missing-cells',
    ...(actions ? ['action'] : []),
  ].map((c) => t(`rounds.column.${c}`));
  return table(t('rounds.completeness-by-country', { round: completeness.roundName }), columns, rows);
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
      title: t('rounds.completeness-by-country', { round: round.name }),
      idPrefix: 'round-map',
      // Drawn at the width of the page's main column, so its legend's 12 px text is 12 px on a phone.
      width: mapWidth(document.getElementById('main') ?? document.body),
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
      text: t('rounds.download-completeness'),
    }),
    deliveriesPublished(round)
      ? h('a', {
          class: 'button-link',
          href: apiUrl(`/api/rounds/${round.id}/deliveries`, { format: 'csv' }),
          download: '',
          text: t('rounds.download-deliveries'),
        })
      : h('span', { class: 'hint', text: t('rounds.deliveries-later', { due: dateText(round.dueOn) }) }),
  );
  const changes = round.changes.filter((c) => c.afterOpening);
  const exceptionForm = secretariat ? lockExceptionForm(round, secretariat.reload) : null;
  return [
    viewHeader(
      round.name,
      t('rounds.round-facts', {
        status: statusText(round.status),
        opens: dateText(round.opensOn),
        due: dateText(round.dueOn),
        locks: dateText(round.locksOn),
        indicators: round.indicators.length,
        periods: round.periods.length,
        periodList: round.periods.join(', '),
        countries: round.geos.length,
      }),
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
          { 'aria-label': t('rounds.changes-label') },
          h('h3', { text: t('rounds.changed-after-opening') }),
          h(
            'ul',
            {},
            ...changes.map((c) =>
              h('li', {
                text: t('rounds.change', { version: c.version, date: timeText(c.changedAt), who: c.changedBy }),
              }),
            ),
          ),
        )
      : null,
    round.lockExceptions.length
      ? h(
          'section',
          { 'aria-label': t('rounds.lock-exceptions') },
          h('h3', { text: t('rounds.lock-exceptions') }),
          h(
            'ul',
            {},
            ...round.lockExceptions.map((e) =>
              h('li', {
                text:
                  t('rounds.exception', { geo: e.geo, until: timeText(e.until), reason: e.reason, who: e.grantedBy }) +
                  (e.revokedAt
                    ? ` (${t('round-approvals.exception-revoked', { date: dateText(e.revokedAt.slice(0, 10)), reason: e.revokeReason })})`
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
    h('h3', { id: 'lock-exception-heading', text: t('rounds.grant-exception') }),
    labelled(t('rounds.country'), geo),
    labelled(t('rounds.until'), until),
    labelled(t('rounds.reason'), reason),
    h('button', { type: 'submit', text: t('rounds.grant-the-exception') }),
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
          text: t('rounds.exception-failed', { problem: error instanceof Error ? error.message : String(error) }),
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
    h('h3', { id: 'new-round-heading', text: t('rounds.open-new') }),
    labelled(t('rounds.name'), name, t('rounds.name-hint')),
    labelled(t('rounds.indicators'), indicators, t('rounds.indicators-hint')),
    labelled(t('rounds.periods'), periods, t('rounds.periods-hint')),
    labelled(t('rounds.countries'), geos, t('rounds.countries-hint')),
    labelled(t('rounds.opens-on'), opensOn),
    labelled(t('rounds.due-on'), dueOn),
    labelled(t('rounds.locks-after'), locksOn),
    labelled(t('rounds.clean-validation'), clean),
    labelled(t('rounds.two-level'), twoLevel),
    labelled(t('rounds.guidance'), guidance),
    h('button', { type: 'submit', class: 'primary', text: t('rounds.open-the-round') }),
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
            text: t('rounds.not-created', { problem: error instanceof Error ? error.message : String(error) }),
          }),
        );
      },
    );
  });
  return form;
}
