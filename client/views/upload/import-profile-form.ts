import type { z } from 'zod';
import type { ImportProfileDefinition } from '../../api/types';
import { sendJson } from '../../api/client';
import { errorBox, h, uniqueId } from '../../components/dom';
import { authMessage } from './transfer';
import { t } from '../../i18n/i18n';
import { profileGeoFields } from './profile-form-geo';

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
      if (!match) problems.push(t('upload.mapping-line-problem', { line: i + 1 }));
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
    ['long', t('upload.layout-long')],
    ['wide', t('upload.layout-wide')],
  ]);
  const delimiter = options([
    ['auto', t('upload.detect')],
    [';', t('upload.delimiter-semicolon')],
    [',', t('upload.delimiter-comma')],
    ['\t', t('upload.delimiter-tab')],
    ['|', t('upload.delimiter-pipe')],
  ]);
  const encoding = options([
    ['auto', t('upload.detect')],
    ['utf-8', 'UTF-8'],
    ['windows-1252', 'Windows-1252'],
    ['utf-16le', 'UTF-16 LE'],
  ]);
  const columns = ['indicator', 'period', 'value', 'flags'].map(
    (role) => [role, h('input', { type: 'text', autocomplete: 'off' })] as const,
  );
  const mappings = h('textarea', { rows: 4, cols: 60 });
  const status = h('div', { 'aria-live': 'polite' });
  const geoFields = profileGeoFields(options_.geo);
  const form = h(
    'form',
    { class: 'profile-form' },
    h(
      'div',
      { class: 'controls' },
      field(t('upload.profile-name'), name, t('upload.profile-name-hint')),
      field(t('upload.description'), description),
      field(t('upload.layout'), shape),
      field(t('upload.delimiter'), delimiter),
      field(t('upload.encoding'), encoding),
    ),
    h(
      'div',
      { class: 'controls' },
      ...columns.map(([role, input]) => field(t(`upload.column-holding.${role}`), input)),
    ),
    geoFields.element,
    field(t('upload.national-codes'), mappings, t('upload.national-codes-hint')),
    h('button', { type: 'submit', class: 'primary', text: t('upload.save-profile') }),
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
    const geoProblem = geoFields.apply(body);
    if (geoProblem) return status.replaceChildren(errorBox(geoProblem));
    try {
      await sendJson('POST', '/api/import-profiles', body);
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: t('upload.profile-saved', { name: body.name, geo: body.geo }),
        }),
      );
      options_.onSaved(body.name);
    } catch (error) {
      status.replaceChildren(errorBox(t('upload.profile-not-saved', { problem: authMessage(error) })));
    }
  });
  return h('details', { class: 'card' }, h('summary', { text: t('upload.create-profile') }), form);
}
