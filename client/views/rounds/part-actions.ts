import { sendJson } from '../../api/client';
import { h } from '../../components/dom';
import type { GeoCompleteness, RoundDetail } from '../../../server/shared/api/rounds';
import { actionButton, labelled, problemBox } from '../account-parts';
import { t } from '../../i18n/i18n';

/** The secretariat's step back for a part in this state. */
const back = (state: GeoCompleteness['state']): string => t(`rounds.back.${state}`);

/** A form that takes a part back one level with a reason (back to open, the contact points get the comments). */
function takeBackForm(
  round: RoundDetail,
  geo: string,
  state: GeoCompleteness['state'],
  status: HTMLElement,
  reload: () => void,
) {
  const reason = h('input', { type: 'text', name: 'reason', required: true, minlength: 5 });
  const form = h(
    'form',
    { class: 'inline' },
    labelled(t('rounds.why-shown-to', { geo }), reason),
    h('button', { type: 'submit', text: back(state) }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendJson('POST', `/api/rounds/${round.id}/parts/${geo}/unapprove`, { reason: reason.value }).then(
      reload,
      (error: unknown) =>
        status.replaceChildren(problemBox(t('account.action-failed', { action: back(state) }), error)),
    );
  });
  return h('details', {}, h('summary', { text: `${back(state)}…` }), form);
}

/** The secretariat's actions on one country's part: accept a nationally approved part, or take a part back a level. */
export function secretariatPartActions(round: RoundDetail, status: HTMLElement, reload: () => void) {
  return (geo: string, state: GeoCompleteness['state']): HTMLElement => {
    const cell = h('div', {});
    if (state === 'approved' && round.twoLevelApproval) {
      cell.append(
        actionButton(
          t('rounds.accept'),
          status,
          async () => {
            await sendJson('POST', `/api/rounds/${round.id}/parts/${geo}/accept`);
            reload();
            return t('rounds.accepted-notice', { geo });
          },
          { label: t('rounds.accept-part', { geo }) },
        ),
      );
    }
    if (state !== 'open') cell.append(takeBackForm(round, geo, state, status, reload));
    return cell;
  };
}
