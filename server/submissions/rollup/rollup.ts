import type { NamedGeo } from '../../correspondences/geo-names';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { RollupSummary } from '../../shared/api/rollup';
import type { ProblemSink } from '../problems/problem-sink';
import type { RolledCell as Cell } from './problems';
import { CellParts } from './cell-parts';
import { NationalSum } from './national-sum';

/** What roll-up needs of the raw row a cell came from (read/cell.ts's RawCell has it). */
export interface RowOrigin {
  columns: { indicator: string; value: string };
  whole?: boolean;
}

/**
 * A profile's roll-up between validation and staging (issue 19): parts summed into their cell, then
 * national cells derived from regions. Cells pass through at once unless parts are summed, which needs
 * the whole file; the rest is staged when the file is read (`finish`).
 */
export class Rollup {
  private readonly parts: CellParts | null;
  private readonly national: NationalSum | null;
  private columns: RowOrigin['columns'] | null = null;

  constructor(
    profile: NonNullable<ProfileDefinition['rollup']>,
    geos: Map<string, NamedGeo>,
    private readonly report: ProblemSink,
  ) {
    this.parts = profile.sumParts ? new CellParts() : null;
    this.national =
      profile.nationalFrom === null ? null : new NationalSum(profile.nationalFrom, profile.tolerance, geos);
  }

  /** Takes a validated cell; what can be staged now goes to `out`. */
  take(cell: Cell, raw: RowOrigin, out: Cell[]): void {
    this.columns ??= raw.columns;
    if (this.parts) {
      this.parts.take(cell, raw.whole === true);
      return;
    }
    this.national?.take(cell);
    out.push(cell);
  }

  /** Once the file is read: the summed and derived cells, with their problems reported. */
  finish(): Cell[] {
    const columns = this.columns;
    if (!columns) return [];
    const summed = this.parts ? this.parts.finish(this.report, columns.indicator) : [];
    if (this.parts) for (const cell of summed) this.national?.take(cell);
    const derived = this.national ? this.national.finish(this.report, columns.value) : [];
    return [...summed, ...derived];
  }

  summary(): RollupSummary {
    const parts = this.parts;
    return {
      summedCells: parts?.summedCells ?? 0,
      partsPerCell: parts
        ? [...parts.histogram].sort(([a], [b]) => a - b).map(([n, cells]) => ({ parts: n, cells }))
        : [],
      summed: parts?.summed ?? [],
      derivedCount: this.national?.derivedCount ?? 0,
      derived: this.national?.derived ?? [],
    };
  }
}
