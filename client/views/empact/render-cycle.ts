import type {
  AssessmentDiff,
  AssessmentSummary,
  EmpactChsg,
  EmpactCycle,
  EmpactResult,
} from '../../../server/shared/api/empact';
import { selectField } from '../../components/controls';
import { h, uniqueId } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { viewHeader } from '../view-parts';
import { empactApi, factsheetHrefs } from './api';
import { actionButton, entryForm } from './forms';
import { resultText } from './state';

export interface Painter {
  /** Links to a priority's page and to a cycle's overview. */
  priorityHref: (id: number) => string;
  cycleHref: (cycle: string, diff?: number) => string;
  goToCycle: (cycle: string) => void;
  /** Reloads the view's data and repaints, announcing what was saved. */
  refresh: (message: string) => void;
}

export function factsheetLinks(label: string, query: Parameters<typeof factsheetHrefs>[0]): HTMLElement {
  const { html, pdf } = factsheetHrefs(query);
  return h(
    'div',
    { class: 'factsheet-links' },
    h(
      'p',
      {},
      `Factsheet for ${label}: `,
      h('a', { href: html, target: '_blank', rel: 'noopener', text: 'printable page (HTML)' }),
      ' · ',
      h('a', { href: pdf, download: true, text: 'PDF download' }),
    ),
    factsheetForm(query),
  );
}

/** A plain GET form (no script): the factsheet of one year and/or one country, opened as a printable page. */
function factsheetForm(query: Parameters<typeof factsheetHrefs>[0]): HTMLElement {
  const year = uniqueId('factsheet-year');
  const geo = uniqueId('factsheet-geo');
  return h(
    'details',
    { class: 'entry' },
    h('summary', { text: 'Factsheet for one year or one country' }),
    h(
      'form',
      { method: 'get', action: '/api/empact/factsheet', target: '_blank', class: 'entry-form' },
      h('input', { type: 'hidden', name: 'cycle', value: query.cycle }),
      query.priority ? h('input', { type: 'hidden', name: 'priority', value: query.priority }) : null,
      h(
        'div',
        { class: 'field' },
        h('label', { for: year, text: 'Year (optional)' }),
        h('input', { id: year, name: 'year', type: 'number', inputmode: 'numeric' }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: geo, text: 'Country code (optional)' }),
        h('input', { id: geo, name: 'geo', type: 'text', maxlength: 2 }),
      ),
      h('button', { type: 'submit', text: 'Open the factsheet' }),
    ),
  );
}

function chsgSection(cycle: EmpactCycle, secretariat: boolean, paint: Painter): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'chsg-heading' },
    h('h3', { id: 'chsg-heading', text: 'Common horizontal strategic goals' }),
    sortableTable<EmpactChsg>({
      caption: `CHSGs of the ${cycle.code} cycle`,
      rows: cycle.chsgs,
      columns: [
        { key: 'number', label: 'CHSG', value: (c) => c.number, numeric: true },
        { key: 'title', label: 'Goal', value: (c) => c.title },
        { key: 'source', label: 'Source', value: (c) => c.source },
      ],
    }),
    secretariat
      ? entryForm({
          title: 'Add a CHSG',
          submitLabel: 'Add the CHSG',
          done: paint.refresh,
          fields: [
            { name: 'number', label: 'Number', kind: 'number' },
            { name: 'title', label: 'Goal', kind: 'textarea' },
            { name: 'source', label: 'Source', kind: 'text', hint: 'The document that states the goal' },
          ],
          submit: (v) => empactApi.send('POST', `/api/empact/cycles/${cycle.code}/chsgs`, v),
        })
      : null,
  );
}

function resultSection(cycle: EmpactCycle, secretariat: boolean, paint: Painter): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'results-heading' },
    h('h3', { id: 'results-heading', text: 'Published results' }),
    cycle.results.length
      ? sortableTable<EmpactResult>({
          caption: `Published EMPACT results, ${cycle.code}`,
          rows: cycle.results,
          columns: [
            { key: 'year', label: 'Year', value: (r) => r.year, numeric: true },
            { key: 'label', label: 'Result', value: (r) => r.label },
            { key: 'value', label: 'Figure', value: (r) => r.value, format: (r) => resultText(r), numeric: true },
            {
              key: 'source',
              label: 'Source',
              value: (r) => r.source,
              cell: (r) => h('a', { href: r.sourceUrl, rel: 'noopener', text: r.source }),
            },
          ],
        })
      : h('p', { text: 'No result of this cycle is published yet.' }),
    secretariat
      ? entryForm({
          title: 'Record a published result',
          submitLabel: 'Record the result',
          done: paint.refresh,
          fields: [
            { name: 'year', label: 'Year', kind: 'number' },
            { name: 'measure', label: 'Measure code', kind: 'text', hint: 'e.g. arrests' },
            { name: 'label', label: 'Label', kind: 'text' },
            { name: 'value', label: 'Value', kind: 'number' },
            { name: 'unit', label: 'Unit', kind: 'text', hint: 'persons, EUR, tonnes ...' },
            {
              name: 'qualifier',
              label: 'Worded as',
              kind: 'select',
              choices: [
                { value: 'exact', label: 'exact' },
                { value: 'over', label: 'over ...' },
              ],
            },
            { name: 'source', label: 'Source', kind: 'text' },
            { name: 'sourceUrl', label: 'Source address', kind: 'text' },
          ],
          submit: (v) => empactApi.send('POST', `/api/empact/cycles/${cycle.code}/results`, v),
        })
      : null,
  );
}

function assessmentSection(
  cycle: EmpactCycle,
  secretariat: boolean,
  diff: AssessmentDiff | null,
  paint: Painter,
): HTMLElement {
  const rows = cycle.assessments;
  return h(
    'section',
    { 'aria-labelledby': 'assessments-heading' },
    h('h3', { id: 'assessments-heading', text: 'Assessments' }),
    rows.length
      ? sortableTable<AssessmentSummary>({
          caption: `Assessments of the ${cycle.code} cycle`,
          rows,
          columns: [
            { key: 'title', label: 'Assessment', value: (a) => a.title },
            { key: 'kind', label: 'Kind', value: (a) => a.kind.replace(/_/g, ' ') },
            { key: 'asOf', label: 'As of', value: (a) => a.asOf },
            {
              key: 'state',
              label: 'State',
              value: (a) => (a.frozenAt ? `frozen ${a.frozenAt.slice(0, 10)} by ${a.frozenBy}` : 'draft'),
            },
            {
              key: 'do',
              label: 'Actions',
              value: () => null,
              cell: (a) =>
                a.frozenAt
                  ? h('a', { href: paint.cycleHref(cycle.code, a.id), text: `Compare "${a.title}" with today` })
                  : secretariat
                    ? actionButton(
                        `Freeze "${a.title}"`,
                        () => empactApi.send('POST', `/api/empact/assessments/${a.id}/freeze`),
                        paint.refresh,
                      )
                    : document.createTextNode('—'),
            },
          ],
        })
      : h('p', { text: 'No assessment yet.' }),
    diff ? diffTable(diff) : null,
    secretariat
      ? entryForm({
          title: 'Start an assessment',
          submitLabel: 'Start the assessment',
          done: paint.refresh,
          fields: [
            {
              name: 'kind',
              label: 'Kind',
              kind: 'select',
              choices: [
                { value: 'mid_term', label: 'mid-term' },
                { value: 'final', label: 'final' },
                { value: 'independent_evaluation', label: 'independent evaluation' },
              ],
            },
            { name: 'asOf', label: 'As of', kind: 'date' },
            { name: 'title', label: 'Title', kind: 'text' },
            { name: 'narrative', label: 'Narrative', kind: 'textarea' },
            {
              name: 'classification',
              label: 'Classification',
              kind: 'select',
              choices: [
                { value: 'public', label: 'public' },
                { value: 'restricted', label: 'restricted' },
              ],
            },
          ],
          submit: (v) => empactApi.send('POST', '/api/empact/assessments', { ...v, cycle: cycle.code }),
        })
      : null,
  );
}

function diffTable(diff: AssessmentDiff): HTMLElement {
  return h(
    'div',
    { class: 'diff' },
    h('h4', { text: `Changes since the assessment of ${diff.asOf}, as of ${diff.today}` }),
    diff.changes.length
      ? sortableTable({
          caption: 'What changed since the assessment was frozen',
          rows: diff.changes,
          columns: [
            { key: 'record', label: 'Record', value: (c) => `${c.record} ${c.label}` },
            { key: 'field', label: 'Field', value: (c) => c.field },
            { key: 'then', label: 'Then', value: (c) => c.then ?? '—' },
            { key: 'now', label: 'Now', value: (c) => c.now ?? '—' },
          ],
        })
      : h('p', { text: 'Nothing has changed since.' }),
  );
}

export function renderCycle(
  view: { cycles: EmpactCycle[]; cycle: EmpactCycle; secretariat: boolean; diff: AssessmentDiff | null },
  paint: Painter,
): HTMLElement[] {
  const { cycle } = view;
  return [
    viewHeader(
      'EMPACT',
      'The EU policy cycle against serious and organised crime: priorities, operational action plans, SMART KPIs, assessments and factsheets. The observatory coordinates CHSG 7 (prevention) and works on CHSG 9 (administrative approach).',
    ),
    selectField({
      label: 'Cycle',
      selected: cycle.code,
      choices: view.cycles.map((c) => ({ value: c.code, label: c.title })),
      onChange: paint.goToCycle,
    }),
    factsheetLinks(cycle.title, { cycle: cycle.code }),
    h(
      'section',
      { 'aria-labelledby': 'priorities-heading' },
      h('h3', { id: 'priorities-heading', text: `Priorities ${cycle.code}` }),
      h(
        'ol',
        {},
        ...cycle.priorities.map((p) => h('li', {}, h('a', { href: paint.priorityHref(p.id), text: p.name }))),
      ),
    ),
    chsgSection(cycle, view.secretariat, paint),
    resultSection(cycle, view.secretariat, paint),
    assessmentSection(cycle, view.secretariat, view.diff, paint),
  ];
}
