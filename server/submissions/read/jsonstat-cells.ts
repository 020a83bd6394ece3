import type { LocalisedText } from '../../shared/i18n';
import type { IndicatorMapping, ProfileDefinition } from '../../shared/api/import-profiles';
import type { SkippedCounts } from '../../shared/api/submissions';
import type { RawCell } from './cell';
import { GeoResolver } from './geo-codes';
import type { JsonStatDataset, JsonStatDimension } from './jsonstat/decode';
import { readerText } from './reader-text';
import type { ReportBuilder } from './report';
import type { CellSink, ReadScope } from './table-reader';

/** Which dimension plays which role, as a profile for a JSON-stat dataset says (its columns are dimensions). */
export interface CubeRoles {
  geo: string;
  period: string;
  indicator: string;
}

function shown(dimension: JsonStatDimension, max = 12): string {
  const ids = dimension.categories.map((c) => c.id);
  return ids.length > max ? `${ids.slice(0, max).join(', ')} …` : ids.join(', ');
}

/**
 * Checks a profile against a dataset before any cell is read: the dimensions it names exist, its filters
 * keep at least one category, and every other dimension holds a single category (or is fixed by a filter),
 * so that each cell maps onto exactly one indicator × geo × period. Reports and returns null otherwise.
 */
export function cubeRoles(
  dataset: JsonStatDataset,
  profile: ProfileDefinition,
  report: ReportBuilder,
): CubeRoles | null {
  const before = report.errorCount;
  const byId = new Map(dataset.dimensions.map((d) => [d.id, d]));
  const mismatch = (column: string, message: LocalisedText) =>
    report.error(null, column, null, 'profile-mismatch', message);
  const dimensions = dataset.dimensions.map((d) => d.id).join(', ');
  const roles = {
    geo: profile.columns.geo ?? dataset.role.geo?.[0] ?? 'geo',
    period: profile.columns.period ?? dataset.role.time?.[0] ?? 'time',
    indicator: profile.columns.indicator ?? '',
  };
  for (const [role, id] of Object.entries(roles)) {
    if (!byId.has(id))
      mismatch(
        id || role,
        readerText({
          key: 'readers.cube.role-missing',
          params: { profile: profile.name, role, dimension: id || '(none)', dimensions },
        }),
      );
  }
  for (const filter of profile.filters) {
    const dimension = byId.get(filter.column);
    if (!dimension) {
      mismatch(
        filter.column,
        readerText({ key: 'readers.cube.filter-dimension-missing', params: { dimension: filter.column, dimensions } }),
      );
      continue;
    }
    const kept = dimension.categories.filter((c) => passes(filter, c.id));
    if (kept.length === 0)
      mismatch(
        filter.column,
        readerText({
          key: 'readers.cube.filter-keeps-nothing',
          params: { dimension: filter.column, filter: describeFilter(filter), categories: shown(dimension) },
        }),
      );
  }
  const used = new Set([...Object.values(roles), ...profile.filters.map((f) => f.column)]);
  for (const dimension of dataset.dimensions) {
    if (used.has(dimension.id) || dimension.categories.length <= 1) continue;
    const example = `{ "column": "${dimension.id}", "equals": "${dimension.categories[0]?.id}" }`;
    mismatch(
      dimension.id,
      readerText({
        key: 'readers.cube.dimension-not-fixed',
        params: { dimension: dimension.id, count: dimension.categories.length, categories: shown(dimension), example },
      }),
    );
  }
  return report.errorCount > before ? null : roles;
}

type Filter = ProfileDefinition['filters'][number];

function passes(filter: Filter, value: string): boolean {
  return (
    (filter.equals === undefined || value === filter.equals) &&
    (filter.in === undefined || filter.in.includes(value)) &&
    (filter.notIn === undefined || !filter.notIn.includes(value))
  );
}

function describeFilter(filter: Filter): string {
  if (filter.equals !== undefined) return `= ${filter.equals}`;
  if (filter.in !== undefined) return `in ${filter.in.join(', ')}`;
  return `not in ${(filter.notIn ?? []).join(', ')}`;
}

export interface CubeRead {
  scope: ReadScope;
  report: ReportBuilder;
  skipped: SkippedCounts;
  /** Hears each cell left out (its position plus one), why, and what decided it: the profile preview lists them. */
  leftOut?: (row: number, reason: keyof SkippedCounts, detail: string) => void;
}

/** Cells between two batches handed on, as a table reader's chunk. */
const CUBE_BATCH = 10_000;

/**
 * Hands each cell of the cube that the profile keeps to `sink` as a raw cell, for the same validation as a
 * table's. A cell's "row" is its position in the cube plus one; its columns are JSON paths, so a report entry
 * points at `value["92"]` or `status["92"]` with the cell's coordinates. Yields the cells read so far every
 * CUBE_BATCH cells, and once at the end, so that the caller can hand on a batch.
 */
export function* takeCubeCells(
  dataset: JsonStatDataset,
  profile: ProfileDefinition,
  roles: CubeRoles,
  read: CubeRead,
  sink: CellSink<unknown>,
): Generator<number> {
  const mappings = profile.indicators.length
    ? new Map<string, IndicatorMapping>(profile.indicators.map((m) => [m.code.trim(), m]))
    : null;
  const geos = new GeoResolver(profile, read.scope);
  let cells = 0;
  const leaveOut = (row: number, reason: keyof SkippedCounts, detail: string) => {
    read.skipped[reason]++;
    read.leftOut?.(row, reason, detail);
  };
  for (const found of dataset.cells()) {
    if (++cells % CUBE_BATCH === 0) yield cells;
    const { coordinates, position } = found;
    const failed = profile.filters.find((f) => !passes(f, coordinates[f.column] ?? ''));
    if (failed) {
      leaveOut(position + 1, 'filtered', failed.column);
      continue;
    }
    const geo = geos.resolve(coordinates[roles.geo] ?? '', position + 1);
    if (geo == null) {
      if (geo === null) leaveOut(position + 1, 'otherGeo', coordinates[roles.geo] ?? '');
      continue;
    }
    const code = coordinates[roles.indicator] ?? '';
    const mapping = mappings?.get(code);
    if (mappings && !mapping) {
      leaveOut(position + 1, 'unmapped', code);
      continue;
    }
    const where = `(${Object.entries(coordinates)
      .map(([d, c]) => `${d}=${c}`)
      .join(', ')})`;
    const cell: RawCell = {
      row: position + 1,
      geo,
      indicator: mapping?.indicator ?? code,
      period: coordinates[roles.period] ?? '',
      value: found.value === null ? '' : String(found.value),
      flags: (found.status ?? '') + (mapping?.flags ?? ''),
      note: mapping?.comparability ?? '',
      unit: mapping?.unit ?? '',
      columns: {
        geo: `dimension ${roles.geo}`,
        indicator: `dimension ${roles.indicator}`,
        period: `dimension ${roles.period}`,
        value: `value["${position}"] ${where}`,
        flags: `status["${position}"] ${where}`,
      },
    };
    sink.take(cell);
  }
  geos.reportUnknown(read.report, `dimension ${roles.geo}`, 'cells');
  yield cells;
}
