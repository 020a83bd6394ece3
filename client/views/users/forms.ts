import type { CreatedUserAnswer, UserView } from '../../api/types';
import { sendJson } from '../../api/client';
import type { Role } from '../../api/session';
import { errorBox, h } from '../../components/dom';
import { labelled, problemBox, roleSelect, shownOnce } from '../account-parts';
import { parseGeoList, timeText } from '../account-text';

const GEO_HINT = 'Country codes separated by commas, e.g. "NL, BE". Contact points need at least one.';

/** The geo list of a form, or a message saying what is wrong with it. */
function checkedGeos(input: HTMLInputElement, role: Role, status: HTMLElement): string[] | null {
  const { geos, problems } = parseGeoList(input.value);
  if (problems.length) {
    status.replaceChildren(errorBox(`These are not country codes: ${problems.join(', ')}. ${GEO_HINT}`));
    input.focus();
    return null;
  }
  if (role === 'contact_point' && !geos.length) {
    status.replaceChildren(errorBox(`A contact point needs at least one country. ${GEO_HINT}`));
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
      labelled('Email address', email),
      labelled('Name (optional)', name),
      labelled('Role', role),
      labelled('Countries', geos, GEO_HINT),
    ),
    h('button', { type: 'submit', class: 'primary', text: 'Create the user' }),
    shown,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim()) return status.replaceChildren(errorBox("Enter the new user's email address."));
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
          text: `Created ${answer.user.email}. They have no password until they open the link below.`,
        }),
      );
      shown.replaceChildren(
        shownOnce(
          `One-time link for ${answer.user.email}`,
          answer.setPasswordLink,
          `Hand this link to ${answer.user.email} yourself: it sets their password, works once, expires ${timeText(answer.linkExpiresAt)}, and is shown only now.`,
        ),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox('The user was not created', error));
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'create-user-heading' },
    h('h3', { id: 'create-user-heading', text: 'Create a user' }),
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
    labelled(`Role of ${user.email}`, role),
    labelled(`Countries of ${user.email}`, geos, GEO_HINT),
    h('button', { type: 'submit', text: 'Save' }),
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
          text: `Saved: ${saved.email} is now ${saved.role.replace('_', ' ')}${saved.geos.length ? ` for ${saved.geos.join(', ')}` : ''}.`,
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox('The change was not saved', error));
    }
  });
  return h('details', {}, h('summary', { text: 'Change role or countries…' }), form);
}
