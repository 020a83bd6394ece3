import Papa from 'papaparse';
import type { CorrespondenceProblem } from '../shared/api/correspondences';
import type { CorrespondenceEntry, GeoCorrespondence } from '../shared/api/import-profiles';
import type { LocalisedText } from '../shared/i18n';
import type { NamedGeo } from './geo-names';
import { nameKey } from './name-key';
import { findShippedCorrespondence } from './shipped';
import { olderNutsAdvice } from '../geos/region.catalogue';

/** A problem before it is put in the reader's language. */
export type FoundProblem = Omit<CorrespondenceProblem, 'message'> & { message: LocalisedText };

interface NumberedEntry extends CorrespondenceEntry {
  row: number | null;
}

/**
 * Checks correspondence lines against the catalogue for a profile of `country`: every target is a
 * known geo, of that country (the country itself or one of its regions), and no national name or code
 * appears twice (names compare as matching does, so "Forlì - Cesena" and "forli-cesena" are one).
 */
export function entryProblems(entries: NumberedEntry[], country: string, geos: Map<string, NamedGeo>): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const seen = new Map<string, NumberedEntry>();
  for (const entry of entries) {
    const at = { row: entry.row, cell: null };
    const target = geos.get(entry.geo);
    if (!target) {
      problems.push({
        ...at,
        column: 'geo',
        cell: entry.geo,
        code: 'unknown-target',
        // A code of an older NUTS version is named with the NUTS 2021 code(s) it became.
        message: olderNutsAdvice(entry.geo) ?? {
          key: 'national.corr.unknown-target',
          params: { name: entry.name, geo: entry.geo, country },
        },
      });
    } else if (target.country !== country) {
      problems.push({
        ...at,
        column: 'geo',
        cell: entry.geo,
        code: 'target-other-country',
        message: {
          key: 'national.corr.other-country',
          params: { name: entry.name, geo: entry.geo, geoName: target.name, other: target.country ?? '?', country },
        },
      });
    }
    const key = nameKey(entry.name);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        ...at,
        column: 'name',
        cell: entry.name,
        code: 'duplicate-source',
        message: {
          key: 'national.corr.duplicate-source',
          params: {
            name: entry.name,
            earlier: earlier.name,
            earlierRow: earlier.row ?? '?',
            geo: entry.geo,
            earlierGeo: earlier.geo,
          },
        },
      });
    } else seen.set(key, entry);
  }
  return problems;
}

/** A profile's correspondence: its own lines checked as above, and the shipped one it names, which must exist. */
export function profileCorrespondenceProblems(
  correspondence: GeoCorrespondence | undefined,
  country: string | null,
  geos: Map<string, NamedGeo>,
): FoundProblem[] {
  if (!correspondence) return [];
  const problems: FoundProblem[] = [];
  if (correspondence.shipped && !findShippedCorrespondence(correspondence.shipped)) {
    problems.push({
      row: null,
      column: null,
      cell: correspondence.shipped,
      code: 'unknown-correspondence',
      message: { key: 'national.corr.unknown-shipped', params: { name: correspondence.shipped } },
    });
  }
  if (country === null) return problems;
  const numbered = correspondence.entries.map((e, i) => ({ ...e, row: i + 1 }));
  return [...problems, ...entryProblems(numbered, country, geos)];
}

/**
 * Reads a two-column CSV (national name or code, observatory geo; `,` `;` or tab) and checks it. A
 * first line whose second field is not a geo code (e.g. "name,geo") is a header.
 */
export function checkCorrespondenceCsv(
  csv: string,
  country: string,
  geos: Map<string, NamedGeo>,
): { entries: CorrespondenceEntry[]; problems: FoundProblem[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const records = parsed.data.map((fields, i) => ({ row: i + 1, fields: trimTrailing(fields) }));
  const first = records[0];
  if (first && first.fields.length === 2 && !geos.has(first.fields[1]!.trim())) records.shift();
  const entries: NumberedEntry[] = [];
  const problems: FoundProblem[] = [];
  for (const { row, fields } of records) {
    if (fields.length !== 2) {
      problems.push({
        row,
        column: null,
        cell: fields.join(',').slice(0, 200),
        code: 'wrong-column-count',
        message: { key: 'national.corr.two-columns', params: { row, fields: fields.length } },
      });
      continue;
    }
    const [name, geo] = fields.map((f) => f.trim()) as [string, string];
    if (!name || !geo) {
      problems.push({
        row,
        column: name ? 'geo' : 'name',
        cell: null,
        code: 'empty-field',
        message: { key: 'national.corr.empty-field', params: { row } },
      });
      continue;
    }
    entries.push({ name, geo, row });
  }
  if (entries.length === 0 && problems.length === 0)
    problems.push({
      row: null,
      column: null,
      cell: null,
      code: 'no-entries',
      message: { key: 'national.corr.no-entries' },
    });
  problems.push(...entryProblems(entries, country, geos));
  return { entries: entries.map(({ name, geo }) => ({ name, geo })), problems };
}

function trimTrailing(fields: string[]): string[] {
  const copy = [...fields];
  while (copy.length > 2 && copy[copy.length - 1]!.trim() === '') copy.pop();
  return copy;
}
