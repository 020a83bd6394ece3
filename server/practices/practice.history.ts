import type { PracticeVersionRow } from '../db/tables/practice.table';
import { parseRecord } from './practice.repository';

export interface FieldChange {
  /** Dotted path into the record, e.g. "evaluations.0.sms". */
  path: string;
  before: unknown;
  after: unknown;
}

export interface PracticeHistoryEntry {
  version: number;
  state: string;
  action: string;
  comment: string | null;
  author: string;
  recordedAt: string;
  /** What changed since the previous version; empty for a pure state change. */
  changes: FieldChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf-level differences between two JSON values; arrays compare item by item. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffValues(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.every((v) => typeof v === 'object') &&
    after.every((v) => typeof v === 'object')
  ) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffValues(before[i], after[i], `${path}.${i}`)).flat();
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** Every version, oldest first, each with its differences from the one before. */
export function practiceHistory(versions: PracticeVersionRow[]): PracticeHistoryEntry[] {
  let previous: unknown;
  return versions.map((v) => {
    const record = parseRecord(v);
    const changes = previous === undefined ? [] : diffValues(previous, record);
    previous = record;
    return {
      version: v.version,
      state: v.state,
      action: v.action,
      comment: v.comment,
      author: v.author,
      recordedAt: v.recorded_at,
      changes,
    };
  });
}
