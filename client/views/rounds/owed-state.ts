import { getFresh } from '../../api/client';
import type { CellState, Notice, OwedCell, RoundPart } from '../../../server/shared/api/rounds';

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

export const CELL_TEXT: Record<CellState, string> = {
  delivered: 'Delivered',
  'delivered-with-warnings': 'Delivered, with a warning',
  missing: 'Missing',
  'not-available': 'Not available',
};

export function owedCount(part: RoundPart): { missing: number; total: number } {
  return { missing: part.cells.filter((c) => c.state === 'missing').length, total: part.cells.length };
}

export function cellComment(cell: OwedCell): string {
  if (cell.state === 'not-available') return `Reason: ${cell.unavailableReason}`;
  if (cell.warning) return `Warning: ${cell.warning}${cell.note ? `. Note: ${cell.note}` : ''}`;
  return cell.note ?? '';
}
