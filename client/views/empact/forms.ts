import { ApiError } from '../../api/client';
import { h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'textarea' | 'list';
  choices?: { value: string; label: string }[];
  value?: string;
  hint?: string;
  optional?: boolean;
}

export type FormValues = Record<string, string | number | string[] | null>;

function control(field: FieldSpec, id: string, hintId: string | null): HTMLElement {
  const described = hintId ? { 'aria-describedby': hintId } : {};
  if (field.kind === 'select') {
    return h(
      'select',
      { id, name: field.name, ...described },
      ...(field.choices ?? []).map((c) =>
        h('option', { value: c.value, selected: c.value === field.value, text: c.label }),
      ),
    );
  }
  if (field.kind === 'textarea')
    return h('textarea', { id, name: field.name, rows: 3, ...described, text: field.value ?? '' });
  const type = field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text';
  return h('input', {
    id,
    name: field.name,
    type,
    step: field.kind === 'number' ? 'any' : null,
    value: field.value ?? '',
    ...described,
  });
}

function read(form: HTMLFormElement, fields: FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = (form.elements.namedItem(field.name) as HTMLInputElement | null)?.value.trim() ?? '';
    if (field.kind === 'number') values[field.name] = raw === '' ? null : Number(raw);
    else if (field.kind === 'list')
      values[field.name] = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else values[field.name] = raw;
  }
  return values;
}

/**
 * A labelled form whose submit sends the values through `submit`; the server's message (which names
 * the field and how to fix it) is shown in an alert, and a success calls `done`.
 */
export function entryForm(options: {
  title: string;
  fields: FieldSpec[];
  submitLabel: string;
  submit: (values: FormValues) => Promise<unknown>;
  done: (message: string) => void;
}): HTMLElement {
  const headingId = uniqueId('form-heading');
  const status = h('p', { role: 'alert', class: 'error', hidden: true });
  const form = h(
    'form',
    { class: 'entry-form', 'aria-labelledby': headingId, novalidate: true },
    ...options.fields.map((field) => {
      const id = uniqueId(field.name);
      const hintId = field.hint ? uniqueId('hint') : null;
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id, text: field.optional ? t('empact.optional', { label: field.label }) : field.label }),
        control(field, id, hintId),
        hintId ? h('span', { id: hintId, class: 'hint', text: field.hint }) : null,
      );
    }),
    h('button', { type: 'submit', text: options.submitLabel }),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.hidden = true;
    options.submit(read(form, options.fields)).then(
      () => options.done(t('empact.saved', { title: options.title })),
      (error: unknown) => {
        status.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        status.hidden = false;
      },
    );
  });
  return h('details', { class: 'entry' }, h('summary', {}, h('span', { id: headingId, text: options.title })), form);
}

/** A button that runs one request (freeze, compare) and reports its outcome. */
export function actionButton(label: string, run: () => Promise<unknown>, done: (message: string) => void): HTMLElement {
  const button = h('button', { type: 'button', text: label });
  const status = h('span', { role: 'alert', class: 'error', hidden: true });
  button.addEventListener('click', () => {
    run().then(
      () => done(t('empact.done', { label })),
      (error: unknown) => {
        status.textContent = error instanceof Error ? error.message : String(error);
        status.hidden = false;
      },
    );
  });
  return h('span', {}, button, status);
}
