import Papa from 'papaparse';
import type { ImportProfileDefinition } from '../../api/types';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';

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
      if (importProfile.shape === 'wide' && /^\d{4}$/.test(trimmed)) return t('upload.value-for', { year: trimmed });
      if (importProfile.shape === 'eurostat' && /^\d{4}/.test(trimmed))
        return t('upload.value-for', { year: trimmed.slice(0, 4) });
      return t('upload.not-read');
    }
    const lower = trimmed.toLowerCase();
    if (CANONICAL.includes(lower)) return lower;
    if (/^\d{4}$/.test(trimmed)) return t('upload.value-for-wide', { year: trimmed });
    return t('upload.detected-by-server');
  });
}

export function mappingPreview(rows: string[][], importProfile: ImportProfileDefinition | null): HTMLElement {
  const [header = [], ...body] = rows;
  if (!header.length) return h('p', { class: 'error', text: t('upload.file-empty') });
  const roles = columnRoles(header, importProfile);
  return h(
    'div',
    { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-label': t('upload.mapping-preview') },
    h(
      'table',
      {},
      h('caption', {
        text: importProfile
          ? t('upload.mapping-caption-profile', { count: body.length, profile: importProfile.name })
          : t('upload.mapping-caption', { count: body.length }),
      }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('upload.column') }),
          ...header.map((c) => h('th', { scope: 'col', text: c })),
        ),
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: t('upload.read-as') }),
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
            h('th', { scope: 'row', text: t('upload.row-n', { row: i + 2 }) }),
            ...header.map((_, j) => h('td', { text: row[j] ?? '' })),
          ),
        ),
      ),
    ),
  );
}
