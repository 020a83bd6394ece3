import type { NamedGeo } from '../../correspondences/geo-names';
import { unionFlags } from '../../cells/flags';
import type { DerivedCell } from '../../shared/api/rollup';
import type { ProblemSink } from '../problems/problem-sink';
import type { RolledCell as Cell } from './problems';

interface NationalParts {
  country: string;
  indicator: string;
  period: string;
  periodStart: string;
  sum: number;
  withValue: number;
  geos: Set<string>;
  flags: string[];
  firstRow: number;
}

/** Derived cells listed in the reading summary; all are counted. */
const DERIVED_LISTED = 200;

/**
 * The national figure derived from the regions of one NUTS level in a file: the sum of their values,
 * stored as the country's cell with a note saying it is derived and what it covers. Where the file also
 * gives the national figure directly, that figure stands and the sum only checks it (`additivity`).
 */
export class NationalSum {
  private readonly sums = new Map<string, NationalParts>();
  private readonly given = new Map<string, Cell>();
  readonly derived: DerivedCell[] = [];
  derivedCount = 0;

  constructor(
    private readonly level: number,
    private readonly tolerance: number,
    private readonly geos: Map<string, NamedGeo>,
  ) {}

  /** Hears every cell the file stages. */
  take(cell: Cell): void {
    const geo = this.geos.get(cell.geo);
    if (!geo) return;
    if (geo.level === 0) {
      this.given.set(`${geo.code}\u0000${cell.indicator}\u0000${cell.period}`, cell);
      return;
    }
    if (geo.level !== this.level || geo.country === null) return;
    const key = `${geo.country}\u0000${cell.indicator}\u0000${cell.period}`;
    let parts = this.sums.get(key);
    if (!parts) {
      const { indicator, period, periodStart } = cell;
      parts = {
        country: geo.country,
        indicator,
        period,
        periodStart,
        sum: 0,
        withValue: 0,
        geos: new Set(),
        flags: [],
        firstRow: cell.sourceRow,
      };
      this.sums.set(key, parts);
    }
    if (cell.value !== null) {
      parts.sum += cell.value;
      parts.withValue++;
      parts.geos.add(cell.geo);
    }
    parts.flags.push(cell.flags);
    parts.firstRow = Math.min(parts.firstRow, cell.sourceRow);
  }

  /** The derived national cells to stage; checks of given national figures and missing parts are reported. */
  finish(report: ProblemSink, valueColumn: string): Cell[] {
    const out: Cell[] = [];
    for (const [key, parts] of this.sums) {
      if (parts.withValue === 0) continue;
      const given = this.given.get(key);
      if (given) {
        this.checkAdditivity(report, valueColumn, given, parts);
        continue;
      }
      const expected = this.expectedParts(parts.country);
      const missing = expected.filter((g) => !parts.geos.has(g.code));
      out.push(this.derive(parts, expected.length, missing));
      if (missing.length) reportMissing(report, parts, missing, expected.length, this.level);
    }
    return out;
  }

  private derive(parts: NationalParts, expected: number, missing: NamedGeo[]): Cell {
    const present = parts.geos.size;
    const missingText = missing.length ? `; missing: ${missing.map((g) => `${g.code} ${g.name}`).join(', ')}` : '';
    this.derivedCount++;
    if (this.derived.length < DERIVED_LISTED) {
      this.derived.push({
        ...{ geo: parts.country, indicator: parts.indicator, period: parts.period, value: parts.sum },
        ...{ level: this.level, parts: present, expected, missing: missing.map((g) => g.code) },
      });
    }
    return {
      geo: parts.country,
      indicator: parts.indicator,
      period: parts.period,
      periodStart: parts.periodStart,
      value: parts.sum,
      flags: unionFlags(...parts.flags),
      // The cell's note is stored with it and shown wherever the figure is: derived, and what it covers.
      note: `Derived by the observatory: the sum of ${present} of ${expected} NUTS ${this.level} regions in the file${missingText}.`,
      sourceRow: parts.firstRow,
    };
  }

  private expectedParts(country: string): NamedGeo[] {
    return [...this.geos.values()].filter((g) => g.country === country && g.level === this.level && g.territorial);
  }

  private checkAdditivity(report: ProblemSink, column: string, given: Cell, parts: NationalParts): void {
    if (given.value === null) return;
    const difference = given.value - parts.sum;
    const share = given.value === 0 ? (difference === 0 ? 0 : 1) : Math.abs(difference) / Math.abs(given.value);
    if (share <= this.tolerance) return;
    report.warning(given.sourceRow, column, String(given.value), 'additivity', {
      key: 'national.rollup.additivity',
      params: {
        ...{ geo: given.geo, indicator: given.indicator, period: given.period, given: given.value },
        ...{ sum: parts.sum, parts: parts.geos.size, level: this.level },
        share: `${(share * 100).toFixed(1)}`,
        tolerance: `${(this.tolerance * 100).toFixed(1)}`,
      },
    });
  }
}

function reportMissing(
  report: ProblemSink,
  parts: NationalParts,
  missing: NamedGeo[],
  expected: number,
  level: number,
) {
  report.warning(parts.firstRow, null, missing.map((g) => g.code).join(' '), 'rollup-parts-missing', {
    key: 'national.rollup.parts-missing',
    params: {
      ...{ geo: parts.country, indicator: parts.indicator, period: parts.period, level },
      ...{ present: parts.geos.size, expected, count: missing.length },
      missing: missing
        .slice(0, 20)
        .map((g) => `${g.code} ${g.name}`)
        .join(', '),
    },
  });
}
