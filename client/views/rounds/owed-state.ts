import { getFresh } from '../../api/client';
import type { CellState, Notice, OwedCell, RoundPart } from '../../../server/shared/api/rounds';
import { t } from '../../i18n/i18n';

/** What the "what I owe" panel shows for a geo: its parts of open rounds and its latest notices. No DOM here. */
export interface OwedState {
  parts: RoundPart[];
  notices: Notice[];
}

export async function loadOwed(geo: string): Promise<OwedState> {
  const [parts, notices] = await Promise.all([
    getFresh<{ data: RoundPart[] }>('/api/round-parts', { geo }),
    getFresh<{ data: Notice[] }>('/api/round-notices'),
  ]);
  return { parts: parts.data, notices: notices.data.filter((n) => n.geo === geo).slice(0, 5) };
}

/** An owed cell's state in words. */
export function cellStateText(state: CellState): string {
  return t(`rounds.cell.${state}`);
}

export function owedCount(part: RoundPart): { missing: number; total: number } {
  return { missing: part.cells.filter((c) => c.state === 'missing').length, total: part.cells.length };
}

export function cellComment(cell: OwedCell): string {
  if (cell.state === 'not-available') return t('rounds.cell-reason', { reason: cell.unavailableReason ?? '' });
  if (cell.warning)
    return cell.note
      ? t('rounds.cell-warning-note', { warning: cell.warning, note: cell.note })
      : t('rounds.cell-warning', { warning: cell.warning });
  return cell.note ?? '';
}
