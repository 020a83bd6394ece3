import { AUDIT_OUTCOMES } from '../../../server/shared/audit-outcomes';
import { errorBox, h } from '../../components/dom';
import { labelled } from '../account-parts';
import { type AuditFilters, dateRangeProblem, type DateProblem, outcomeText } from './state';
import { t } from '../../i18n/i18n';

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
      h('option', { value: '', text: t('audit.any') }),
      ...AUDIT_OUTCOMES.map((o) => h('option', { value: o, text: outcomeText(o) })),
    ),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
  };
  controls.actor.inputMode = 'email';
  const problemSlot = h('div', {});
  const clear = h('button', { type: 'button', text: t('audit.clear') });
  const form = h(
    'form',
    { class: 'audit-filter', novalidate: true },
    h(
      'div',
      { class: 'controls' },
      labelled(t('audit.actor'), controls.actor, t('audit.actor-hint')),
      labelled(t('audit.action'), controls.action, t('audit.action-hint')),
      labelled(t('audit.target'), controls.target, t('audit.target-hint')),
      labelled(t('audit.outcome'), controls.outcome),
      labelled(t('audit.from'), controls.from, t('audit.from-hint')),
      labelled(t('audit.to'), controls.to, t('audit.to-hint')),
    ),
    problemSlot,
    h('div', { class: 'inline' }, h('button', { type: 'submit', class: 'primary', text: t('audit.show') }), clear),
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
          message: t('audit.incomplete-date', { field: t(`audit.${incomplete}`) }),
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
