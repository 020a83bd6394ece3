import { AUDIT_OUTCOMES } from '../../../server/shared/audit-outcomes';
import { errorBox, h } from '../../components/dom';
import { labelled } from '../account-parts';
import { type AuditFilters, dateRangeProblem, type DateProblem, OUTCOME_TEXT } from './state';

export interface AuditFilterForm {
  element: HTMLElement;
  /** Shows a filter (the URL's, after back/forward or a reload) in the controls. */
  fill: (filters: AuditFilters) => void;
  /** Shows what is wrong with the dates next to the form (role=alert announces it), or clears it. */
  report: (problem: DateProblem | null, moveFocus: boolean) => void;
}

const PROBLEM_ID = 'audit-filter-problem';

function textInput(name: string): HTMLInputElement {
  return h('input', { type: 'text', name, autocomplete: 'off', spellcheck: 'false' });
}

/** The audit log's filter: sent with the button or Enter, checked before it reaches the URL. */
export function auditFilterForm(onFilter: (filters: AuditFilters) => void): AuditFilterForm {
  const controls = {
    actor: textInput('actor'),
    action: textInput('action'),
    target: textInput('target'),
    outcome: h(
      'select',
      { name: 'outcome' },
      h('option', { value: '', text: 'Any' }),
      ...AUDIT_OUTCOMES.map((o) => h('option', { value: o, text: OUTCOME_TEXT[o] })),
    ),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
  };
  controls.actor.inputMode = 'email';
  const problemSlot = h('div', {});
  const clear = h('button', { type: 'button', text: 'Clear the filter' });
  const form = h(
    'form',
    { class: 'audit-filter', novalidate: true },
    h(
      'div',
      { class: 'controls' },
      labelled('Actor', controls.actor, 'An email address, or "anonymous" for requests without an account.'),
      labelled('Action', controls.action, 'e.g. session.login; "submission.*" matches the whole family.'),
      labelled('Target', controls.target, 'e.g. user/7; "user/*" matches every user.'),
      labelled('Outcome', controls.outcome),
      labelled('From', controls.from, 'First day, included.'),
      labelled('To', controls.to, 'Last day, included.'),
    ),
    problemSlot,
    h('div', { class: 'inline' }, h('button', { type: 'submit', class: 'primary', text: 'Show entries' }), clear),
  );

  const report = (problem: DateProblem | null, moveFocus: boolean) => {
    for (const input of [controls.from, controls.to]) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `${input.id}-hint`);
    }
    problemSlot.replaceChildren();
    if (!problem) return;
    const input = controls[problem.field];
    const box = errorBox(problem.message);
    box.id = PROBLEM_ID;
    problemSlot.append(box);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.id}-hint ${PROBLEM_ID}`);
    if (moveFocus) input.focus();
  };
  const read = (): AuditFilters => {
    const filters: AuditFilters = {};
    for (const [name, control] of Object.entries(controls) as [
      keyof AuditFilters,
      HTMLInputElement | HTMLSelectElement,
    ][]) {
      if (control.value.trim()) filters[name] = control.value.trim();
    }
    return filters;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A half-typed date reads as empty: say so rather than drop it silently.
    const incomplete = (['from', 'to'] as const).find((field) => controls[field].validity.badInput);
    const filters = read();
    const problem = incomplete
      ? {
          field: incomplete,
          message: `"${incomplete === 'from' ? 'From' : 'To'}" is not a complete date: fill in the day, month and year, or clear it.`,
        }
      : dateRangeProblem(filters);
    report(problem, true);
    if (!problem) onFilter(filters);
  });
  clear.addEventListener('click', () => {
    form.reset();
    report(null, false);
    onFilter({});
  });
  return {
    element: form,
    fill: (filters) => {
      for (const [name, control] of Object.entries(controls) as [
        keyof AuditFilters,
        HTMLInputElement | HTMLSelectElement,
      ][])
        control.value = filters[name] ?? '';
    },
    report,
  };
}
