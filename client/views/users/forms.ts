import type { CreatedUserAnswer, UserView } from '../../api/types';
import { sendJson } from '../../api/client';
import type { Role } from '../../api/session';
import { errorBox, h } from '../../components/dom';
import { labelled, problemBox, roleSelect, shownOnce } from '../account-parts';
import { parseGeoList, roleName, timeText } from '../account-text';
import { t } from '../../i18n/i18n';

const geoHint = () => t('users.geo-hint');

/** The geo list of a form, or a message saying what is wrong with it. */
function checkedGeos(input: HTMLInputElement, role: Role, status: HTMLElement): string[] | null {
  const { geos, problems } = parseGeoList(input.value);
  if (problems.length) {
    status.replaceChildren(errorBox(`${t('users.not-codes', { codes: problems.join(', ') })} ${geoHint()}`));
    input.focus();
    return null;
  }
  if (role === 'contact_point' && !geos.length) {
    status.replaceChildren(errorBox(`${t('users.needs-country')} ${geoHint()}`));
    input.focus();
    return null;
  }
  return geos;
}

/** Creates a user; the answer's one-time link (never a password) is shown once to hand over. */
export function createUserForm(status: HTMLElement, done: () => void): HTMLElement {
  const email = h('input', { type: 'email', required: true, maxlength: 254, autocomplete: 'off' });
  const name = h('input', { type: 'text', maxlength: 200, autocomplete: 'off' });
  const role = roleSelect('contact_point');
  const geos = h('input', { type: 'text', autocomplete: 'off' });
  const shown = h('div', {});
  const form = h(
    'form',
    { class: 'create-user', novalidate: true },
    h(
      'div',
      { class: 'controls' },
      labelled(t('account.email'), email),
      labelled(t('users.name-optional'), name),
      labelled(t('users.role'), role),
      labelled(t('users.countries'), geos, geoHint()),
    ),
    h('button', { type: 'submit', class: 'primary', text: t('users.create-the-user') }),
    shown,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim()) return status.replaceChildren(errorBox(t('users.enter-email')));
    const scope = checkedGeos(geos, role.value as Role, status);
    if (!scope) return;
    try {
      const answer = await sendJson<CreatedUserAnswer>('POST', '/api/users', {
        email: email.value.trim(),
        role: role.value,
        geos: scope,
        ...(name.value.trim() ? { displayName: name.value.trim() } : {}),
      });
      form.reset();
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: t('users.created', { email: answer.user.email }),
        }),
      );
      shown.replaceChildren(
        shownOnce(
          t('users.one-time-link', { email: answer.user.email }),
          answer.setPasswordLink,
          t('users.hand-link', { email: answer.user.email, expires: timeText(answer.linkExpiresAt) }),
        ),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox(t('users.not-created'), error));
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'create-user-heading' },
    h('h3', { id: 'create-user-heading', text: t('users.create-a-user') }),
    form,
  );
}

/** Role and countries of one user: changed together with PATCH /api/users/:id. */
export function editUserForm(user: UserView, status: HTMLElement, done: () => void): HTMLElement {
  const role = roleSelect(user.role);
  const geos = h('input', { type: 'text', autocomplete: 'off', value: user.geos.join(', ') });
  const form = h(
    'form',
    { class: 'inline', novalidate: true },
    labelled(t('users.role-of', { email: user.email }), role),
    labelled(t('users.countries-of', { email: user.email }), geos, geoHint()),
    h('button', { type: 'submit', text: t('users.save') }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scope = checkedGeos(geos, role.value as Role, status);
    if (!scope) return;
    try {
      const saved = await sendJson<UserView>('PATCH', `/api/users/${user.id}`, { role: role.value, geos: scope });
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: saved.geos.length
            ? t('users.saved-for', { email: saved.email, role: roleName(saved.role), geos: saved.geos.join(', ') })
            : t('users.saved', { email: saved.email, role: roleName(saved.role) }),
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox(t('users.not-saved'), error));
    }
  });
  return h('details', {}, h('summary', { text: t('users.change-role') }), form);
}
