import type { CellContext, CellContextAnswer, CellHistoryAnswer } from '../../server/shared/api/cell-context';
import { getJson } from './client';

export type { CellContext, CellRevision } from '../../server/shared/api/cell-context';

/** A cell of the store: what /api/observations/history and /context name it by. */
export interface CellKey {
  geo: string;
  indicator: string;
  period: string;
}

export const cellKeyOf = (cell: CellKey) => `${cell.indicator}|${cell.geo}|${cell.period}`;

export const cellApi = {
  /** Notes and version counts of the named cells, by cellKeyOf. */
  context: async (params: {
    indicator: string[];
    geo?: string[];
    period?: string[];
    asOf?: string | null;
  }): Promise<Map<string, CellContext>> => {
    const answer = await getJson<CellContextAnswer>('/api/observations/context', params);
    return new Map(answer.cells.map((c) => [cellKeyOf(c), c]));
  },
  history: (cell: CellKey) => getJson<CellHistoryAnswer>('/api/observations/history', { ...cell }),
};
