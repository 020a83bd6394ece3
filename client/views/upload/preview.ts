import Papa from 'papaparse';
import type { ImportProfileDefinition } from '../../api/types';
import { h } from '../../components/dom';

const CANONICAL = ['geo', 'indicator', 'period', 'value', 'flags', 'note'];
const PREVIEW_BYTES = 64 * 1024;

/** The first rows of a file, read in the browser (UTF-8, or Windows-1252 when the bytes are not UTF-8). */
export async function firstRows(file: File, rows = 6): Promise<string[][]> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { preview: rows, skipEmptyLines: true });
  return parsed.data;
}

/** What each column of the header will be read as, under an import profile or the canonical template. */
export function columnRoles(header: string[], importProfile: ImportProfileDefinition | null): string[] {
  return header.map((name) => {
    const trimmed = name.trim();
    if (importProfile) {
      const role = Object.entries(importProfile.columns).find(([, column]) => column === trimmed)?.[0];
      if (role) return role;
      if (importProfile.shape === 'wide' && /^\d{4}$/.test(trimmed)) return `value for ${trimmed}`;
      if (importProfile.shape === 'eurostat' && /^\d{4}/.test(trimmed)) return `value for ${trimmed.slice(0, 4)}`;
      return 'not read';
    }
    const lower = trimmed.toLowerCase();
    if (CANONICAL.includes(lower)) return lower;
    if (/^\d{4}$/.test(trimmed)) return `value for ${trimmed} (wide)`;
    return 'detected by the server';
  });
}

export function mappingPreview(rows: string[][], importProfile: ImportProfileDefinition | null): HTMLElement {
  const [header = [], ...body] = rows;
  if (!header.length) return h('p', { class: 'error', text: 'The file looks empty.' });
  const roles = columnRoles(header, importProfile);
  return h(
    'div',
    { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-label': 'Column mapping preview' },
    h(
      'table',
      {},
      h('caption', {
        text: `Column mapping preview: the first ${body.length} rows${importProfile ? ` read with import profile ${importProfile.name}` : ''}`,
      }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: 'Column' }),
          ...header.map((c) => h('th', { scope: 'col', text: c })),
        ),
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: 'Read as' }),
          ...roles.map((r) => h('td', {}, h('strong', { text: r }))),
        ),
      ),
      h(
        'tbody',
        {},
        ...body.map((row, i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: `Row ${i + 2}` }),
            ...header.map((_, j) => h('td', { text: row[j] ?? '' })),
          ),
        ),
      ),
    ),
  );
}
