import type { SubmissionPreview } from '../../api/types';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';

/**
 * Says how many of the cells an upload changes fall in a collection round and how many outside every
 * round: outside is allowed (a country may send more than it owes), but said, so it is never a surprise.
 */
export function roundsNote(answer: Pick<SubmissionPreview, 'rounds'>): HTMLElement | string {
  const rounds = answer.rounds;
  if (!rounds || rounds.cellsInRounds + rounds.cellsOutsideRounds === 0) return '';
  return h('p', {
    class: 'notice rounds-note',
    text: t('round-approvals.cells-in-rounds', {
      inside: rounds.cellsInRounds,
      outside: rounds.cellsOutsideRounds,
    }),
  });
}
