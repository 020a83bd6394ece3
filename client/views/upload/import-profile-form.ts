import type { z } from 'zod';
import type { ImportProfileDefinition } from '../../api/types';
import { sendJson } from '../../api/client';
import { errorBox, h, uniqueId } from '../../components/dom';
import { authMessage } from './transfer';

type ProfileInput = z.input<typeof ImportProfileDefinition>;

/** Lines "national code = INDICATOR | comparability note" → indicator mappings (the note is required by the server). */
export function parseMappings(text: string): { mappings: ProfileInput['indicators']; problems: string[] } {
  const mappings: NonNullable<ProfileInput['indicators']> = [];
  const problems: string[] = [];
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const match = /^(.+?)\s*=\s*([A-Za-z0-9_]+)\s*\|\s*(.+)$/.exec(line);
      if (!match)
        problems.push(
          `Line ${i + 1}: write "national code = INDICATOR | comparability note", e.g. "010000 = ICCS0101 | excludes attempts".`,
        );
      else mappings.push({ code: match[1]!, indicator: match[2]!.toUpperCase(), comparability: match[3]! });
    });
  return { mappings, problems };
}

function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement {
  const id = uniqueId('profile-field');
  control.id = id;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('span', { class: 'hint', text: hint }) : '',
  );
}

function options(values: [string, string][]): HTMLSelectElement {
  return h('select', {}, ...values.map(([value, label]) => h('option', { value, text: label })));
}

/** A form that saves a new import profile for the chosen country (POST /api/import-profiles). */
export function importProfileForm(options_: { geo: () => string; onSaved: (name: string) => void }): HTMLElement {
  const name = h('input', { type: 'text', required: true, pattern: '[a-z0-9][a-z0-9_\\-]{1,62}', autocomplete: 'off' });
  const description = h('input', { type: 'text', maxlength: 2000 });
  const shape = options([
    ['long', 'Long: one row per cell'],
    ['wide', 'Wide: one column per year'],
  ]);
  const delimiter = options([
    ['auto', 'Detect'],
    [';', 'Semicolon ;'],
    [',', 'Comma ,'],
    ['\t', 'Tab'],
    ['|', 'Pipe |'],
  ]);
  const encoding = options([
    ['auto', 'Detect'],
    ['utf-8', 'UTF-8'],
    ['windows-1252', 'Windows-1252'],
    ['utf-16le', 'UTF-16 LE'],
  ]);
  const columns = ['indicator', 'period', 'value', 'flags'].map(
    (role) => [role, h('input', { type: 'text', autocomplete: 'off' })] as const,
  );
  const mappings = h('textarea', { rows: 4, cols: 60 });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'profile-form' },
    h(
      'div',
      { class: 'controls' },
      field('Profile name', name, 'lower-case letters, digits, - or _'),
      field('Description', description),
      field('Layout', shape),
      field('Delimiter', delimiter),
      field('Encoding', encoding),
    ),
    h('div', { class: 'controls' }, ...columns.map(([role, input]) => field(`Column holding the ${role}`, input))),
    field('National codes', mappings, 'One per line: national code = INDICATOR | comparability note'),
    h('button', { type: 'submit', class: 'primary', text: 'Save the profile' }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { mappings: indicators, problems } = parseMappings(mappings.value);
    if (problems.length) return status.replaceChildren(errorBox(problems.join(' ')));
    const body: ProfileInput = {
      name: name.value.trim(),
      description: description.value.trim(),
      geo: options_.geo(),
      shape: shape.value as ProfileInput['shape'],
      delimiter: delimiter.value as ProfileInput['delimiter'],
      encoding: encoding.value as ProfileInput['encoding'],
      columns: Object.fromEntries(
        columns.filter(([, input]) => input.value.trim()).map(([role, input]) => [role, input.value.trim()]),
      ),
      indicators,
    };
    try {
      await sendJson('POST', '/api/import-profiles', body);
      status.replaceChildren(
        h('p', { class: 'notice', role: 'status', text: `Saved the profile "${body.name}" for ${body.geo}.` }),
      );
      options_.onSaved(body.name);
    } catch (error) {
      status.replaceChildren(errorBox(`The import profile was not saved: ${authMessage(error)}`));
    }
  });
  return h(
    'details',
    { class: 'card' },
    h('summary', { text: 'Create an import profile for a national export' }),
    form,
  );
}
