import { h, uniqueId } from '../../../components/dom';
import type { ProfileShape } from './section';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A labelled control for one or more profile options. `options` become its `data-option` (see
 * section.ts); `shapes`, when given, are the only shapes the field is shown for.
 */
export function optionField(
  options: string,
  label: string,
  control: Control,
  extra: { hint?: string; shapes?: ProfileShape[] } = {},
): HTMLElement {
  const id = uniqueId('profile-option');
  control.id = id;
  control.dataset.option = options;
  const hintId = extra.hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const field = h(
    'div',
    { class: 'field' },
    h('label', { for: id, text: label }),
    control,
    hintId ? h('span', { class: 'hint', id: hintId, text: extra.hint! }) : '',
  );
  if (extra.shapes) field.dataset.shapes = extra.shapes.join(' ');
  return field;
}

export function choiceSelect(choices: [value: string, label: string][]): HTMLSelectElement {
  return h('select', {}, ...choices.map(([value, label]) => h('option', { value, text: label })));
}

export function textInput(props: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { type: 'text', autocomplete: 'off', ...props });
}

/** A textarea of one value a line (lists of column names or codes, which may hold commas). */
export function linesInput(rows = 3): HTMLTextAreaElement {
  return h('textarea', { rows, cols: 40 });
}

export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A fieldset of the form with its legend. */
export function sectionSet(legend: string, ...children: (Node | string)[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'profile-section' }, h('legend', { text: legend }), ...children);
}

/** Shows only the fields of the given shape (fields without data-shapes always show). */
export function showForShape(root: HTMLElement, shape: ProfileShape): void {
  for (const field of root.querySelectorAll<HTMLElement>('[data-shapes]'))
    field.hidden = !(field.dataset.shapes ?? '').split(' ').includes(shape);
}

/** The trimmed value, or undefined when empty (optional options are left out, not sent as ""). */
export function optional(control: Control): string | undefined {
  const value = control.value.trim();
  return value === '' ? undefined : value;
}
