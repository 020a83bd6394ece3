import type { UserView } from '../../api/types';
import { h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';
import type { NationalRepresentative } from '../../../server/shared/api/rounds';
import { actionButton } from '../account-parts';
import { nameRepresentative, removeRepresentative } from './state';

/** One country a contact point acts for, and whether they represent it. */
interface Seat {
  geo: string;
  email: string;
  named: boolean;
}

/** Every active contact point in each of its countries, by country then address. */
export function seatsOf(users: UserView[], representatives: NationalRepresentative[]): Seat[] {
  const named = new Set(representatives.map((r) => `${r.geo}|${r.email}`));
  return users
    .filter((u) => u.active && u.role === 'contact_point')
    .flatMap((u) => u.geos.map((geo) => ({ geo, email: u.email, named: named.has(`${geo}|${u.email}`) })))
    .sort((a, b) => a.geo.localeCompare(b.geo) || a.email.localeCompare(b.email));
}

function seatRow(seat: Seat, status: HTMLElement, reload: () => void): HTMLElement {
  const { geo, email } = seat;
  const button = seat.named
    ? actionButton(
        t('round-approvals.remove'),
        status,
        async () => {
          await removeRepresentative(geo, email);
          reload();
          return t('round-approvals.removed', { email, geo });
        },
        { label: t('round-approvals.remove-label', { email, geo }) },
      )
    : actionButton(
        t('round-approvals.name'),
        status,
        async () => {
          await nameRepresentative(geo, email);
          reload();
          return t('round-approvals.named', { email, geo });
        },
        { label: t('round-approvals.name-label', { email, geo }) },
      );
  return h(
    'tr',
    { 'data-seat': `${geo}|${email}` },
    h('th', { scope: 'row', text: geo }),
    h('td', { text: email }),
    h('td', { text: seat.named ? t('round-approvals.yes') : t('round-approvals.no') }),
    h('td', { class: 'actions' }, button),
  );
}

/**
 * Naming national representatives: a flag on contact points (docs/collection-rounds.md), who then
 * approve their country's part of a round with two-level approval before the secretariat accepts it.
 */
export function representativesPanel(
  users: UserView[],
  representatives: NationalRepresentative[],
  status: HTMLElement,
  reload: () => void,
): HTMLElement {
  const seats = seatsOf(users, representatives);
  const columns = [
    t('round-approvals.column-country'),
    t('round-approvals.column-contact-point'),
    t('round-approvals.column-representative'),
    t('round-approvals.column-action'),
  ].map((text) => h('th', { scope: 'col', text }));
  // The scrolling table is named by its caption: the section around it is already named by its heading.
  const caption = uniqueId('representatives-caption');
  return h(
    'section',
    { 'aria-labelledby': 'representatives-heading', class: 'representatives' },
    h('h3', { id: 'representatives-heading', text: t('round-approvals.heading') }),
    h('p', { class: 'hint', text: t('round-approvals.explained') }),
    seats.length
      ? h(
          'div',
          { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': caption },
          h(
            'table',
            { class: 'representatives' },
            h('caption', { id: caption, text: t('round-approvals.caption', { count: seats.length }) }),
            h('thead', {}, h('tr', {}, ...columns)),
            h('tbody', {}, ...seats.map((s) => seatRow(s, status, reload))),
          ),
        )
      : h('p', { text: t('round-approvals.none') }),
  );
}
