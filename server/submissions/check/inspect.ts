import type { DbOrTx } from '../../db/database';
import type { Cell } from '../read/cell';
import { CHANGED_LISTED, type ChangedCell, type SubmissionDiff } from './submission-diff';
import type { PublishedCell } from '../stage/published-cells';
import type { ReportBuilder } from '../read/report';
import type { StagedCell } from '../stage/staged-merge';
import type { PartSource } from '../stage/staging-file';
import { walkSubmission } from '../stage/staged-walk';
import { type CellGuard, isChange } from '../stage/cell-guard';

/**
 * The checks that need a submission's cells side by side, done in one walk in key order (see
 * staged-walk.ts) instead of SQL over staged rows: repeated cells (`duplicate-cell`), year-on-year
 * changes beyond an indicator's threshold (`implausible-change`), and the diff against published data.
 * Memory stays flat: one part per staged run, one indicator's published cells, and the listed entries.
 */
export async function inspectSubmission(
  db: DbOrTx,
  staged: number | PartSource,
  geos: string[],
  report: ReportBuilder | null,
  guard?: CellGuard,
  source?: string,
): Promise<SubmissionDiff> {
  const thresholds = report ? await countThresholds(db) : new Map<string, number>();
  const duplicates = new LowestRows<Conflict>(report?.perCode ?? 0);
  const implausible = new LowestRows<Jump>(report?.perCode ?? 0);
  const diff = new DiffTally();
  const series = new SeriesYears();
  const visit = (staged: StagedCell | null, published: PublishedCell | null) => {
    const cell = staged?.first ?? published!;
    series.enter(cell.indicator, cell.geo);
    if (published) series.published(published);
    if (!staged) {
      diff.leftOut(published!);
      return;
    }
    diff.staged(staged.first, published);
    if (guard && isChange(staged.first, published)) guard.changed(staged.first);
    if (!report) return;
    const threshold = thresholds.get(staged.first.indicator);
    const previous = threshold === undefined ? null : series.previousYear(staged.first);
    if (previous !== null && isJump(staged.first.value, previous, threshold!)) {
      implausible.add(staged.first.sourceRow, { cell: staged.first, previous, threshold: threshold! });
    }
    series.staged(staged.first);
  };
  const conflicts = new RepeatConflicts(duplicates);
  await walkSubmission(
    db,
    staged,
    geos,
    { visit, repeat: report ? (first, row) => conflicts.hear(first, row) : undefined },
    { source },
  );
  if (report) {
    reportConflicts(report, duplicates);
    reportJumps(report, implausible);
  }
  return diff.result();
}

/** Count indicators and the year-on-year change each flags (0.5: more than ±50 %). */
async function countThresholds(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('indicators')
    .select(['code', 'implausible_change'])
    .where('unit', '=', 'count')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.implausible_change)]));
}

interface Conflict {
  row: Cell;
  firstRow: number;
}

interface Jump {
  cell: Cell;
  previous: number;
  threshold: number;
}

/** Distinct (value, flags) variants tracked per cell; beyond it, every differing repeat counts as a conflict. */
const VARIANTS_TRACKED = 10_000;

/**
 * Later rows of a cell that disagree with every earlier row of it, heard one by one (a repeat of an
 * earlier row's value and flags is dropped silently; the commit publishes the cell's first row). Time
 * and memory are linear in the repeats: a set of the variants seen, bounded for a cell repeated with
 * more than VARIANTS_TRACKED different values, where the count then also includes repeats of
 * variants seen after that bound (the file is rejected either way).
 */
class RepeatConflicts {
  private first: Cell | null = null;
  private readonly variants = new Set<string>();

  constructor(private readonly found: LowestRows<Conflict>) {}

  hear(first: Cell, repeat: Cell): void {
    if (first !== this.first) {
      this.first = first;
      this.variants.clear();
      this.variants.add(variantOf(first));
    }
    const variant = variantOf(repeat);
    if (this.variants.has(variant)) return;
    if (this.variants.size < VARIANTS_TRACKED) this.variants.add(variant);
    this.found.add(repeat.sourceRow, { row: repeat, firstRow: first.sourceRow });
  }
}

/** A value and flags as one key; null is its own value, and -0 reads as 0, as SQL compared them. */
function variantOf(cell: Cell): string {
  return `${cell.value === null ? 'null' : String(cell.value)}|${cell.flags}`;
}

function isJump(value: number | null, previous: number, threshold: number): boolean {
  if (value === null || value <= 0 || previous <= 0) return false;
  return value > (1 + threshold) * previous || previous > (1 + threshold) * value;
}

function reportConflicts(report: ReportBuilder, found: LowestRows<Conflict>): void {
  for (const { row, firstRow } of found.listed()) {
    report.error(row.sourceRow, 'value', row.value === null ? '' : String(row.value), 'duplicate-cell', {
      key: 'validation.duplicate-cell',
      params: { geo: row.geo, indicator: row.indicator, period: row.period, firstRow: String(firstRow) },
    });
  }
  report.countOmitted('duplicate-cell', 'error', found.unlisted);
}

function reportJumps(report: ReportBuilder, found: LowestRows<Jump>): void {
  for (const { cell, previous, threshold } of found.listed()) {
    const change = Math.round(((cell.value! - previous) / previous) * 100);
    report.warning(cell.sourceRow, 'value', String(cell.value), 'implausible-change', {
      key: 'validation.implausible-change',
      params: {
        ...{ geo: cell.geo, indicator: cell.indicator, period: cell.period, value: String(cell.value) },
        change: `${change > 0 ? '+' : ''}${change}`,
        previous: String(previous),
        threshold: String(Math.round(threshold * 100)),
      },
    });
  }
  report.countOmitted('implausible-change', 'warning', found.unlisted);
}

/**
 * The yearly values of the series (indicator, geo) being walked, from the file's first rows and from
 * published data, for the year-on-year check: the file's figure for the year before wins, else the
 * published one. A year sorts before every period of the next year, so the year before is always seen first.
 */
class SeriesYears {
  private indicator = '';
  private geo = '';
  private readonly file = new Map<string, number | null>();
  private readonly publishedYears = new Map<string, number | null>();

  enter(indicator: string, geo: string): void {
    if (indicator === this.indicator && geo === this.geo) return;
    this.indicator = indicator;
    this.geo = geo;
    this.file.clear();
    this.publishedYears.clear();
  }

  published(cell: PublishedCell): void {
    if (cell.period.length === 4) this.publishedYears.set(cell.period, cell.value);
  }

  staged(cell: Cell): void {
    if (cell.period.length === 4) this.file.set(cell.period, cell.value);
  }

  previousYear(cell: Cell): number | null {
    if (cell.period.length !== 4) return null;
    const year = String(Number(cell.period) - 1);
    return this.file.get(year) ?? this.publishedYears.get(year) ?? null;
  }
}

/** The diff's counts, the first changed cells listed, and left-out cells counted by geo. */
class DiffTally {
  private fresh = 0;
  private changedCount = 0;
  private unchanged = 0;
  private readonly changed: ChangedCell[] = [];
  private readonly stagedGeos = new Set<string>();
  private readonly leftOutByGeo = new Map<string, number>();

  staged(cell: Cell, published: PublishedCell | null): void {
    this.stagedGeos.add(cell.geo);
    if (!published) {
      this.fresh++;
      return;
    }
    if (published.value === cell.value && published.flags === cell.flags) {
      this.unchanged++;
      return;
    }
    this.changedCount++;
    if (this.changed.length < CHANGED_LISTED) {
      this.changed.push({
        geo: cell.geo,
        indicator: cell.indicator,
        period: cell.period,
        old: { value: published.value, flags: published.flags },
        new: { value: cell.value, flags: cell.flags },
      });
    }
  }

  leftOut(cell: PublishedCell): void {
    this.leftOutByGeo.set(cell.geo, (this.leftOutByGeo.get(cell.geo) ?? 0) + 1);
  }

  result(): SubmissionDiff {
    let leftOut = 0;
    for (const [geo, n] of this.leftOutByGeo) if (this.stagedGeos.has(geo)) leftOut += n;
    return {
      newCells: this.fresh,
      changedCells: this.changedCount,
      unchangedCells: this.unchanged,
      leftOutCells: leftOut,
      changed: this.changed,
    };
  }
}

/** Keeps the `limit` entries with the lowest file rows (the report lists problems in file order) and counts the rest. */
class LowestRows<T> {
  private readonly kept: { row: number; entry: T }[] = [];
  unlisted = 0;

  constructor(private readonly limit: number) {}

  add(row: number, entry: T): void {
    const kept = this.kept;
    if (kept.length === this.limit && (this.limit === 0 || row >= kept[kept.length - 1]!.row)) {
      this.unlisted++;
      return;
    }
    let at = kept.length;
    while (at > 0 && kept[at - 1]!.row > row) at--;
    kept.splice(at, 0, { row, entry });
    if (kept.length > this.limit) {
      kept.pop();
      this.unlisted++;
    }
  }

  listed(): T[] {
    return this.kept.map((k) => k.entry);
  }
}
