import type { IssuedTokenAnswer, TokensAnswer, TokenView } from '../../api/types';
import { getFresh, sendJson } from '../../api/client';
import { h } from '../../components/dom';
import { actionButton, labelled, liveRegion, problemBox, shownOnce } from '../account-parts';
import { timeText } from '../account-text';

function tokenState(token: TokenView, now: string): string {
  if (token.revokedAt) return `Revoked ${timeText(token.revokedAt)}`;
  if (token.expiresAt && token.expiresAt <= now) return `Expired ${timeText(token.expiresAt)}`;
  return 'Active';
}

function tokenTable(
  tokens: TokenView[],
  owners: Map<number, string> | null,
  status: HTMLElement,
  reload: () => void,
): HTMLElement {
  if (!tokens.length) return h('p', { text: 'No API tokens.' });
  const now = new Date().toISOString();
  const columns = [
    'Name',
    ...(owners ? ['Owner'] : []),
    'Starts with',
    'Issued',
    'Expires',
    'Last used',
    'State',
    'Actions',
  ];
  const rows = tokens.map((t) => {
    const state = tokenState(t, now);
    const actions = h('td', {});
    if (state === 'Active') {
      actions.append(
        actionButton(
          'Revoke',
          status,
          async () => {
            await sendJson('DELETE', `/api/tokens/${t.id}`);
            reload();
            return `The token "${t.name}" is revoked: it no longer works.`;
          },
          { label: `Revoke the token ${t.name}` },
        ),
      );
    }
    return h(
      'tr',
      {},
      h('th', { scope: 'row', text: t.name }),
      owners ? h('td', { text: owners.get(t.userId) ?? `user ${t.userId}` }) : null,
      h('td', {}, h('code', { text: `${t.prefix}…` })),
      h('td', { text: timeText(t.createdAt) }),
      h('td', { text: t.expiresAt ? timeText(t.expiresAt) : 'never' }),
      h('td', { text: t.lastUsedAt ? timeText(t.lastUsedAt) : 'never' }),
      h('td', { text: state }),
      actions,
    );
  });
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': owners ? 'Every API token' : 'Your API tokens',
    },
    h(
      'table',
      { class: 'tokens' },
      h('caption', { text: owners ? 'Every API token' : 'Your API tokens' }),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', text: c })))),
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
    labelled('Token name', name, 'What it is for, e.g. "nightly upload".'),
    labelled('Expires after (days)', days, 'Leave empty for no expiry; at most 730.'),
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'label', 'aria-hidden': 'true', text: '\u00a0' }),
      h('button', { type: 'submit', class: 'primary', text: 'Issue a token' }),
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
        shownOnce(
          `API token "${issued.name}"`,
          issued.token,
          'Copy this token now and keep it secret: it is shown only this once. Send it as "Authorization: Bearer <token>". Revoke it here if it leaks.',
        ),
      );
      status.replaceChildren();
      reload();
    } catch (error) {
      status.replaceChildren(problemBox('The token was not issued', error));
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
      list.replaceChildren(problemBox('The tokens could not be listed', error));
    }
  };
  void load();
  return h(
    'section',
    { class: 'token-panel', 'aria-labelledby': 'tokens-heading' },
    h('h3', { id: 'tokens-heading', text: 'API tokens' }),
    h('p', {
      class: 'hint',
      text: "For scripted uploads. A token acts with its owner's role and countries; only its first characters are kept for display.",
    }),
    issueForm(status, shown, () => void load()),
    shown,
    status,
    list,
  );
}
