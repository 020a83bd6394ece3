import type { IssuedTokenAnswer, TokensAnswer, TokenView } from '../../api/types';
import { getFresh, sendJson } from '../../api/client';
import { h } from '../../components/dom';
import { actionButton, labelled, liveRegion, problemBox, shownOnce } from '../account-parts';
import { timeText } from '../account-text';
import { t } from '../../i18n/i18n';

function tokenActive(token: TokenView, now: string): boolean {
  return !token.revokedAt && !(token.expiresAt && token.expiresAt <= now);
}

function tokenState(token: TokenView, now: string): string {
  if (token.revokedAt) return t('users.token.revoked', { time: timeText(token.revokedAt) });
  if (token.expiresAt && token.expiresAt <= now) return t('users.token.expired', { time: timeText(token.expiresAt) });
  return t('users.state.active');
}

function tokenTable(
  tokens: TokenView[],
  owners: Map<number, string> | null,
  status: HTMLElement,
  reload: () => void,
): HTMLElement {
  if (!tokens.length) return h('p', { text: t('users.token.none') });
  const now = new Date().toISOString();
  const columns = [
    'name',
    ...(owners ? ['owner'] : []),
    'prefix',
    'issued',
    'expires',
    'last-used',
    'state',
    'actions',
  ];
  const rows = tokens.map((token) => {
    const actions = h('td', {});
    if (tokenActive(token, now)) {
      actions.append(
        actionButton(
          t('users.token.revoke'),
          status,
          async () => {
            await sendJson('DELETE', `/api/tokens/${token.id}`);
            reload();
            return t('users.token.revoked-notice', { name: token.name });
          },
          { label: t('users.token.revoke-n', { name: token.name }) },
        ),
      );
    }
    return h(
      'tr',
      {},
      h('th', { scope: 'row', text: token.name }),
      owners ? h('td', { text: owners.get(token.userId) ?? t('users.token.user-n', { id: token.userId }) }) : null,
      h('td', {}, h('code', { text: `${token.prefix}…` })),
      h('td', { text: timeText(token.createdAt) }),
      h('td', { text: token.expiresAt ? timeText(token.expiresAt) : t('users.token.never') }),
      h('td', { text: token.lastUsedAt ? timeText(token.lastUsedAt) : t('users.token.never') }),
      h('td', { text: tokenState(token, now) }),
      actions,
    );
  });
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': owners ? t('users.token.every') : t('users.token.yours'),
    },
    h(
      'table',
      { class: 'tokens' },
      h('caption', { text: owners ? t('users.token.every') : t('users.token.yours') }),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', text: t(`users.token.column.${c}`) })))),
      h('tbody', {}, ...rows),
    ),
  );
}

function issueForm(status: HTMLElement, shown: HTMLElement, reload: () => void): HTMLElement {
  const name = h('input', { type: 'text', required: true, maxlength: 100, autocomplete: 'off' });
  const days = h('input', { type: 'number', min: 1, max: 730, inputmode: 'numeric' });
  const form = h(
    'form',
    { class: 'controls', novalidate: true },
    labelled(t('users.token.name'), name, t('users.token.name-hint')),
    labelled(t('users.token.expires-after'), days, t('users.token.expires-hint', { max: 730 })),
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'label', 'aria-hidden': 'true', text: '\u00a0' }),
      h('button', { type: 'submit', class: 'primary', text: t('users.token.issue') }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const issued = await sendJson<IssuedTokenAnswer>('POST', '/api/tokens', {
        name: name.value.trim(),
        ...(days.value ? { expiresInDays: Number(days.value) } : {}),
      });
      name.value = '';
      days.value = '';
      shown.replaceChildren(
        shownOnce(t('users.token.issued-label', { name: issued.name }), issued.token, t('users.token.shown-once')),
      );
      status.replaceChildren();
      reload();
    } catch (error) {
      status.replaceChildren(problemBox(t('users.token.not-issued'), error));
    }
  });
  return form;
}

/** API tokens for scripted uploads: issue (shown once), list, revoke. The secretariat sees everyone's. */
export function tokenPanel(options: { everyone: boolean; owners?: () => Map<number, string> }): HTMLElement {
  const status = liveRegion();
  const shown = h('div', {});
  const list = h('div', {});
  const load = async () => {
    try {
      const answer = await getFresh<TokensAnswer>('/api/tokens');
      list.replaceChildren(
        tokenTable(answer.data, options.everyone ? (options.owners?.() ?? new Map()) : null, status, () => void load()),
      );
    } catch (error) {
      list.replaceChildren(problemBox(t('users.token.list-failed'), error));
    }
  };
  void load();
  return h(
    'section',
    { class: 'token-panel', 'aria-labelledby': 'tokens-heading' },
    h('h3', { id: 'tokens-heading', text: t('users.token.heading') }),
    h('p', {
      class: 'hint',
      text: t('users.token.intro'),
    }),
    issueForm(status, shown, () => void load()),
    shown,
    status,
    list,
  );
}
