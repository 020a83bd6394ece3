import { ApiError } from '../api/client';
import { hasRole, loadSession, type Role, sessionLoaded, type SessionState } from '../api/session';
import { errorBox, h, uniqueId } from '../components/dom';
import { accessProblem } from './account-text';
import { t } from '../i18n/i18n';
import { viewHeader } from './view-parts';

/** A refusal or failure as a message (401/403 explained; anything else in the server's words). */
export function problemText(error: unknown): string {
  if (error instanceof ApiError)
    return accessProblem({ status: error.status, message: error.message, body: error.body });
  return error instanceof Error ? error.message : String(error);
}

export function problemBox(prefix: string, error: unknown): HTMLElement {
  const box = errorBox(`${prefix}: ${problemText(error)}`);
  if (error instanceof ApiError && error.status === 401) {
    box.append(' ', h('a', { href: '/sign-in', text: t('account.sign-in') }));
    // The session ended on the server: the header and navigation follow.
    void loadSession();
  }
  return box;
}

/**
 * The session, if it holds one of the roles; otherwise the view explains who may use it and how
 * to sign in (the server refuses these requests anyway).
 */
export async function sessionWithRole(
  container: HTMLElement,
  title: string,
  roles: Role[],
  who: string,
): Promise<SessionState | null> {
  const session = await sessionLoaded();
  if (hasRole(session, ...roles)) return session;
  const message = session.user
    ? t('account.view-for-other-role', { who, email: session.user.email })
    : t('account.view-needs-sign-in', { who });
  container.replaceChildren(
    viewHeader(title, message),
    session.user ? '' : h('p', {}, h('a', { href: '/sign-in', text: t('account.sign-in') })),
  );
  return null;
}

/** A labelled form control, with an optional hint tied to it by aria-describedby. */
export function labelled(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement {
  control.id ||= uniqueId('account-field');
  const hintElement = hint ? h('span', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control, hintElement);
}

export function roleSelect(selected: Role): HTMLSelectElement {
  const roles: Role[] = ['contact_point', 'curator', 'secretariat'];
  return h(
    'select',
    {},
    ...roles.map((value) =>
      h('option', { value, text: t(`account.role-option.${value}`), selected: value === selected }),
    ),
  );
}

/**
 * A secret shown once (an API token, a one-time password link): read-only, selectable, with a copy
 * button and the warning that it is not shown again.
 */
export function shownOnce(label: string, secret: string, warning: string): HTMLElement {
  const input = h('input', {
    type: 'text',
    readonly: true,
    value: secret,
    class: 'secret',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const copy = h('button', { type: 'button', text: t('account.copy') });
  const copied = h('span', { class: 'hint', 'aria-live': 'polite' });
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = t('account.copied');
    } catch {
      copied.textContent = t('account.copy-refused');
    }
  });
  return h(
    'div',
    { class: 'shown-once', role: 'status' },
    h('p', { class: 'notice', text: `⚠ ${warning}` }),
    h('div', { class: 'inline' }, labelled(label, input), copy),
    copied,
  );
}

/** A button that runs an action once at a time, reporting its outcome in a live region. */
export function actionButton(
  text: string,
  status: HTMLElement,
  run: () => Promise<string>,
  options: { primary?: boolean; label?: string } = {},
): HTMLButtonElement {
  const button = h('button', {
    type: 'button',
    class: options.primary ? 'primary' : null,
    text,
    'aria-label': options.label ?? null,
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      status.replaceChildren(h('p', { class: 'notice', role: 'status', text: await run() }));
    } catch (error) {
      status.replaceChildren(problemBox(t('account.action-failed', { action: text }), error));
      button.disabled = false;
    }
  });
  return button;
}

export function liveRegion(): HTMLElement {
  return h('div', { class: 'live', 'aria-live': 'polite' });
}
