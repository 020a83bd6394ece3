import type { DbOrTx } from '../../db/database';
import type { ConfirmCell, Confirmation } from '../../shared/api/submissions';
import type { Cell } from '../read/cell';
import type { ReportBuilder } from '../read/report';
import type { PublishedCell } from '../stage/published-cells';
import { LowestRows } from './lowest-rows';

/** Confirmation cells kept with a submission and shown on the upload page; beyond it they are counted. */
export const CONFIRM_LISTED = 200;
/** A published count at least this large is compared in magnitude (below it, a hundredth is under one). */
const MAGNITUDE_FLOOR = 100;
/** A "count" this many times below the published figure is another unit (a rate, thousands), not a count. */
const MAGNITUDE_RATIO = 100;

interface IndicatorRule {
  unit: string;
  threshold: number;
}

interface Compared {
  cell: Cell;
  published: number;
}

/**
 * Compares each cell of a file with the published cell it would replace (what readers see now).
 * A count two orders of magnitude below the published count is a `magnitude-mismatch` error: a rate
 * or a figure in thousands mapped onto a count (the World Bank homicide rate 1.64 read as a count
 * of FR's 975 homicides). A change beyond the indicator's `implausibleChange` threshold is a
 * `change-needs-confirmation` warning, and the commit must confirm it (publish/confirmation.ts).
 */
export class PublishedComparison {
  private readonly magnitudes: LowestRows<Compared>;
  private readonly changes: LowestRows<Compared>;
  private readonly confirm: ConfirmCell[] = [];
  private confirmCount = 0;

  private constructor(
    private readonly rules: Map<string, IndicatorRule>,
    perCode: number,
  ) {
    this.magnitudes = new LowestRows(perCode);
    this.changes = new LowestRows(perCode);
  }

  static async load(db: DbOrTx, perCode: number): Promise<PublishedComparison> {
    const rows = await db.selectFrom('indicators').select(['code', 'unit', 'implausible_change']).execute();
    const rules = new Map(rows.map((r) => [r.code, { unit: r.unit, threshold: Number(r.implausible_change) }]));
    return new PublishedComparison(rules, perCode);
  }

  hear(cell: Cell, published: PublishedCell): void {
    const rule = this.rules.get(cell.indicator);
    const old = published.value;
    if (!rule || old === null || cell.value === null || old <= 0) return;
    const value = cell.value;
    if (rule.unit === 'count' && old >= MAGNITUDE_FLOOR && value > 0 && value * MAGNITUDE_RATIO <= old) {
      this.magnitudes.add(cell.sourceRow, { cell, published: old });
      return;
    }
    if (Math.abs(value - old) <= rule.threshold * old) return;
    this.changes.add(cell.sourceRow, { cell, published: old });
    this.confirmCount++;
    if (this.confirm.length < CONFIRM_LISTED) this.confirm.push(confirmCell(cell, old, rule.threshold));
  }

  report(report: ReportBuilder): void {
    for (const { cell, published } of this.magnitudes.listed()) {
      report.error(cell.sourceRow, 'value', String(cell.value), 'magnitude-mismatch', {
        key: 'validation.magnitude-mismatch',
        params: {
          ...cellParams(cell),
          published,
          times: Math.round(published / cell.value!),
        },
      });
    }
    report.countOmitted('magnitude-mismatch', 'error', this.magnitudes.unlisted);
    for (const { cell, published } of this.changes.listed()) {
      const { change, threshold } = confirmCell(cell, published, this.rules.get(cell.indicator)!.threshold);
      report.warning(cell.sourceRow, 'value', String(cell.value), 'change-needs-confirmation', {
        key: 'validation.change-needs-confirmation',
        params: { ...cellParams(cell), published, change: `${change > 0 ? '+' : ''}${change}`, threshold },
      });
    }
    report.countOmitted('change-needs-confirmation', 'warning', this.changes.unlisted);
  }

  /** The cells a commit must confirm, or null when there are none. */
  confirmation(): Confirmation | null {
    return this.confirmCount ? { count: this.confirmCount, cells: this.confirm } : null;
  }
}

function cellParams(cell: Cell): Record<string, string | number> {
  return { indicator: cell.indicator, geo: cell.geo, period: cell.period, value: cell.value! };
}

function confirmCell(cell: Cell, published: number, threshold: number): ConfirmCell {
  return {
    geo: cell.geo,
    indicator: cell.indicator,
    period: cell.period,
    published,
    value: cell.value!,
    change: Math.round(((cell.value! - published) / published) * 1000) / 10,
    threshold: Math.round(threshold * 100),
  };
}
