import { cellVersions } from '../cells/cell-versions';
import { sourceRanks } from '../cells/preferred';
import type { DbOrTx } from '../db/database';
import type { CellSourceVersion } from '../shared/api/sources';

export interface CellKey {
  indicator: string;
  geo: string;
  period: string;
}

/**
 * Each source's version of one cell (now, or as published at asOf), best-ranked first, with its
 * difference from the preferred one: the "other sources" of a cell.
 */
export async function cellSources(
  db: DbOrTx,
  cell: CellKey,
  asOf: string | null,
): Promise<{ preferred: string | null; sources: CellSourceVersion[] }> {
  let query = db
    .selectFrom(cellVersions(db))
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .innerJoin('sources as src', 'src.code', 'v.source')
    .select([
      'v.id',
      'v.value',
      'v.flags',
      'v.recorded_at',
      'v.source',
      's.edition',
      's.submitted_by',
      's.geo as submission_geo',
      'src.publisher',
      'src.dataset',
    ])
    .where('v.indicator', '=', cell.indicator)
    .where('v.geo', '=', cell.geo)
    .where('v.period', '=', cell.period);
  if (asOf) query = query.where('v.recorded_at', '<=', asOf);
  const rows = await query.orderBy('v.recorded_at').orderBy('v.id').execute();
  // The latest version of each source; a Map keeps the last one set.
  const latest = new Map(rows.map((r) => [r.source, r]));
  const rank = await sourceRanks(db);
  const ordered = [...latest.values()].sort((a, b) => (rank.get(a.source) ?? 0) - (rank.get(b.source) ?? 0));
  const preferred = ordered[0] ?? null;
  return {
    preferred: preferred?.source ?? null,
    sources: ordered.map((r) => {
      const difference = r.value !== null && preferred?.value != null ? r.value - preferred.value : null;
      return {
        source: r.source,
        publisher: r.publisher,
        dataset: r.dataset,
        edition: r.edition,
        // History is public: a role, never a person's address.
        deliveredBy: r.submitted_by === 'seed' ? ('seed' as const) : ('contact-point' as const),
        deliveredFor: r.submission_geo,
        preferred: r === preferred,
        value: r.value,
        flags: r.flags,
        recordedAt: r.recorded_at,
        revisionId: r.id,
        difference,
        differencePercent:
          difference !== null && preferred?.value ? Math.round((difference / preferred.value) * 1e6) / 1e4 : null,
      };
    }),
  };
}
