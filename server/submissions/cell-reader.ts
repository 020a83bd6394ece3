import type { Readable } from 'node:stream';
import type { ProfileDefinition } from '../profiles/profile.schema';
import type { Cell } from './cell';
import { planReading } from './read-plan';
import type { ReportBuilder } from './report';
import type { Sniffed } from './sniff';
import { type ReadScope, readRawCells, type SkippedCounts } from './table-reader';
import { validateCell, type ValidationContext } from './validate';

/** Everything reading and validating a file needs: plain data, so a worker thread can receive it. */
export interface CellReadJob {
  sniffed: Sniffed;
  /** The profile the uploader named, or null to choose one from the header. */
  named: ProfileDefinition | null;
  /** Saved profiles to choose from when none was named. */
  profiles: ProfileDefinition[];
  context: ValidationContext & { read: ReadScope };
}

/** What reading found out besides the cells: filled in as the file is read. */
export interface CellReadState {
  format: string | null;
  profile: string | null;
  skipped: SkippedCounts;
  rowsRead: number;
}

export function freshReadState(): CellReadState {
  return { format: null, profile: null, skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 }, rowsRead: 0 };
}

/** Reads decoded text into batches of validated cells; problems go to `report`, the rest to `state`. */
export async function* validatedCells(text: Readable, job: CellReadJob, report: ReportBuilder, state: CellReadState): AsyncGenerator<Cell[]> {
  const { sniffed, named, profiles, context } = job;
  const rowsRead = { n: 0 };
  const raw = readRawCells(text, sniffed.delimiter, {
    profile: named,
    plan: (header) => {
      const plan = planReading(header, named, profiles, report);
      if (plan) {
        state.format = plan.format;
        state.profile = named?.name ?? (plan.profile.name === 'canonical' ? null : plan.profile.name);
      }
      return plan;
    },
    scope: context.read,
    report,
    skipped: state.skipped,
    rowsRead,
    sample: sniffed.sample,
  });
  for await (const batch of raw) {
    const valid: Cell[] = [];
    for (const cell of batch) {
      const checked = validateCell(cell, context, report);
      if (checked) valid.push(checked);
    }
    state.rowsRead = rowsRead.n;
    yield valid;
  }
  state.rowsRead = rowsRead.n;
}
