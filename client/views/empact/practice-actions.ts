import type { PracticeActions } from '../../../server/shared/api/empact';
import { h } from '../../components/dom';
import { empactApi } from './api';
import { t } from '../../i18n/i18n';

/** A practice page's list of the EMPACT operational actions that use or produced it (empty when there are none). */
export function renderPracticeActions(answer: PracticeActions): HTMLElement | null {
  if (!answer.actions.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'empact-actions-heading', class: 'empact-actions' },
    h('h3', { id: 'empact-actions-heading', text: t('empact.operational-actions') }),
    h(
      'ul',
      {},
      ...answer.actions.map((a) =>
        h(
          'li',
          {},
          h('a', { href: `/empact/${a.priorityId}`, text: `${a.number} ${a.title}` }),
          ` — ${t(a.relation === 'uses' ? 'empact.uses-practice' : 'empact.produced-practice', {
            priority: a.priorityName,
            cycle: a.cycle,
            chsg: a.chsgNumber,
            status: a.status,
          })}`,
        ),
      ),
    ),
  );
}

/** Appends the section to a practice page; a failure to load it leaves the rest of the page as it is. */
export async function appendPracticeActions(container: HTMLElement, slug: string): Promise<void> {
  const section = await empactApi.practiceActions(slug).then(renderPracticeActions, () => null);
  if (section) container.append(section);
}
