import type { Readable } from 'node:stream';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { Cell, RawCell } from './cell';
import { planReading } from './read-plan';
import type { LocalisedText } from '../../shared/i18n';
import type { ReportBuilder } from './report';
import type { Sniffed } from './sniff';
import { type CellSink, type ReadScope, readTable, type SkippedCounts } from './table-reader';
import { validateCell, type ValidationContext } from './validate';
import { Rollup } from '../rollup/rollup';
import type { RollupSummary } from '../../shared/api/rollup';

/** Everything reading and validating a file needs. */
export interface CellReadJob {
  sniffed: Sniffed;
  /** The profile the uploader named, or null to choose one from the header. */
  named: ProfileDefinition | null;
  /** Shipped profiles to choose from by layout when none was named (never saved ones: see planReading). */
  profiles: ProfileDefinition[];
  context: ValidationContext & { read: ReadScope };
}

/** What reading found out besides the cells: filled in as the file is read. */
export interface CellReadState {
  format: string | null;
  profile: string | null;
  /** Why that profile (or the canonical reading) was used. */
  profileReason: LocalisedText | null;
  skipped: SkippedCounts;
  rowsRead: number;
  /** What roll-up summed and derived, for profiles with `rollup`. */
  rollup?: RollupSummary;
}

export function freshReadState(): CellReadState {
  return {
    format: null,
    profile: null,
    profileReason: null,
    skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 },
    rowsRead: 0,
  };
}

/** Reads decoded text into batches of validated cells; problems go to `report`, the rest to `state`. */
export async function* validatedCells(
  text: Readable,
  job: CellReadJob,
  report: ReportBuilder,
  state: CellReadState,
): AsyncGenerator<Cell[]> {
  const { sniffed, named, profiles, context } = job;
  const rowsRead = { n: 0 };
  const sink = new ValidCells(context, report);
  const batches = readTable(
    text,
    sniffed.delimiter,
    {
      profile: named,
      plan: (header) => {
        const plan = planReading(header, named, profiles, report);
        if (plan) {
          state.format = plan.format;
          state.profile = named?.name ?? (plan.profile.name === 'canonical' ? null : plan.profile.name);
          state.profileReason = plan.reason;
          if (plan.profile.rollup)
            sink.rollup = new Rollup(plan.profile.rollup, context.read.namedGeos ?? new Map(), report);
        }
        return plan;
      },
      scope: context.read,
      report,
      skipped: state.skipped,
      rowsRead,
      sample: sniffed.sample,
    },
    sink,
  );
  for await (const valid of batches) {
    state.rowsRead = rowsRead.n;
    yield valid;
  }
  state.rowsRead = rowsRead.n;
  if (sink.rollup) {
    const rolled = sink.rollup.finish();
    state.rollup = sink.rollup.summary();
    if (rolled.length) yield rolled;
  }
}

/** Validates each cell as the reader finds it, so no batch of raw cells is built only to be dropped. */
export class ValidCells implements CellSink<Cell[]> {
  private cells: Cell[] = [];
  /** Set once the header is read when the profile sums parts or derives national cells (rollup/). */
  rollup: Rollup | null = null;

  constructor(
    private readonly context: ValidationContext,
    private readonly report: ReportBuilder,
  ) {}

  take(raw: RawCell): void {
    const checked = validateCell(raw, this.context, this.report);
    if (!checked) return;
    if (this.rollup) this.rollup.take(checked, raw, this.cells);
    else this.cells.push(checked);
  }

  batch(): Cell[] {
    const cells = this.cells;
    this.cells = [];
    return cells;
  }
}
