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
import { t } from '../../i18n/i18n';

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
      `${t('empact.factsheet-for', { label })} `,
      h('a', { href: html, target: '_blank', rel: 'noopener', text: t('empact.printable') }),
      ' · ',
      h('a', { href: pdf, download: true, text: t('empact.pdf') }),
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
    h('summary', { text: t('empact.factsheet-one') }),
    h(
      'form',
      { method: 'get', action: '/api/empact/factsheet', target: '_blank', class: 'entry-form' },
      h('input', { type: 'hidden', name: 'cycle', value: query.cycle }),
      query.priority ? h('input', { type: 'hidden', name: 'priority', value: query.priority }) : null,
      h(
        'div',
        { class: 'field' },
        h('label', { for: year, text: t('empact.year-optional') }),
        h('input', { id: year, name: 'year', type: 'number', inputmode: 'numeric' }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: geo, text: t('empact.country-optional') }),
        h('input', { id: geo, name: 'geo', type: 'text', maxlength: 2 }),
      ),
      h('button', { type: 'submit', text: t('empact.open-factsheet') }),
    ),
  );
}

function chsgSection(cycle: EmpactCycle, secretariat: boolean, paint: Painter): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'chsg-heading' },
    h('h3', { id: 'chsg-heading', text: t('empact.chsg-heading') }),
    sortableTable<EmpactChsg>({
      caption: t('empact.chsg-caption', { cycle: cycle.code }),
      rows: cycle.chsgs,
      columns: [
        { key: 'number', label: 'CHSG', value: (c) => c.number, numeric: true },
        { key: 'title', label: t('empact.goal'), value: (c) => c.title },
        { key: 'source', label: t('empact.source'), value: (c) => c.source },
      ],
    }),
    secretariat
      ? entryForm({
          title: t('empact.add-chsg'),
          submitLabel: t('empact.add-the-chsg'),
          done: paint.refresh,
          fields: [
            { name: 'number', label: t('empact.number'), kind: 'number' },
            { name: 'title', label: t('empact.goal'), kind: 'textarea' },
            { name: 'source', label: t('empact.source'), kind: 'text', hint: t('empact.source-hint') },
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
    h('h3', { id: 'results-heading', text: t('empact.published-results') }),
    cycle.results.length
      ? sortableTable<EmpactResult>({
          caption: t('empact.results-caption', { cycle: cycle.code }),
          rows: cycle.results,
          columns: [
            { key: 'year', label: t('empact.year'), value: (r) => r.year, numeric: true },
            { key: 'label', label: t('empact.result'), value: (r) => r.label },
            {
              key: 'value',
              label: t('empact.figure'),
              value: (r) => r.value,
              format: (r) => resultText(r),
              numeric: true,
            },
            {
              key: 'source',
              label: t('empact.source'),
              value: (r) => r.source,
              cell: (r) => h('a', { href: r.sourceUrl, rel: 'noopener', text: r.source }),
            },
          ],
        })
      : h('p', { text: t('empact.no-results') }),
    secretariat
      ? entryForm({
          title: t('empact.record-result'),
          submitLabel: t('empact.record-the-result'),
          done: paint.refresh,
          fields: [
            { name: 'year', label: t('empact.year'), kind: 'number' },
            { name: 'measure', label: t('empact.measure-code'), kind: 'text', hint: t('empact.measure-hint') },
            { name: 'label', label: t('empact.label'), kind: 'text' },
            { name: 'value', label: t('empact.value'), kind: 'number' },
            { name: 'unit', label: t('empact.unit'), kind: 'text', hint: t('empact.unit-hint') },
            {
              name: 'qualifier',
              label: t('empact.worded-as'),
              kind: 'select',
              choices: [
                { value: 'exact', label: t('empact.exact') },
                { value: 'over', label: t('empact.over-choice') },
              ],
            },
            { name: 'source', label: t('empact.source'), kind: 'text' },
            { name: 'sourceUrl', label: t('empact.source-address'), kind: 'text' },
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
    h('h3', { id: 'assessments-heading', text: t('empact.assessments') }),
    rows.length
      ? sortableTable<AssessmentSummary>({
          caption: t('empact.assessments-caption', { cycle: cycle.code }),
          rows,
          columns: [
            { key: 'title', label: t('empact.assessment'), value: (a) => a.title },
            { key: 'kind', label: t('empact.kind'), value: (a) => t(`empact.kind.${a.kind}`) },
            { key: 'asOf', label: t('empact.as-of'), value: (a) => a.asOf },
            {
              key: 'state',
              label: t('empact.state'),
              value: (a) =>
                a.frozenAt
                  ? t('empact.frozen', { date: a.frozenAt.slice(0, 10), who: a.frozenBy ?? '—' })
                  : t('empact.draft'),
            },
            {
              key: 'do',
              label: t('empact.actions'),
              value: () => null,
              cell: (a) =>
                a.frozenAt
                  ? h('a', { href: paint.cycleHref(cycle.code, a.id), text: t('empact.compare', { title: a.title }) })
                  : secretariat
                    ? actionButton(
                        t('empact.freeze', { title: a.title }),
                        () => empactApi.send('POST', `/api/empact/assessments/${a.id}/freeze`),
                        paint.refresh,
                      )
                    : document.createTextNode('—'),
            },
          ],
        })
      : h('p', { text: t('empact.no-assessment') }),
    diff ? diffTable(diff) : null,
    secretariat
      ? entryForm({
          title: t('empact.start-assessment'),
          submitLabel: t('empact.start-the-assessment'),
          done: paint.refresh,
          fields: [
            {
              name: 'kind',
              label: t('empact.kind'),
              kind: 'select',
              choices: ['mid_term', 'final', 'independent_evaluation'].map((value) => ({
                value,
                label: t(`empact.kind.${value}`),
              })),
            },
            { name: 'asOf', label: t('empact.as-of'), kind: 'date' },
            { name: 'title', label: t('empact.title-field'), kind: 'text' },
            { name: 'narrative', label: t('empact.narrative'), kind: 'textarea' },
            {
              name: 'classification',
              label: t('empact.classification'),
              kind: 'select',
              choices: [
                { value: 'public', label: t('empact.classification.public') },
                { value: 'restricted', label: t('empact.classification.restricted') },
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
    h('h4', { text: t('empact.changes-since', { asOf: diff.asOf, today: diff.today }) }),
    diff.changes.length
      ? sortableTable({
          caption: t('empact.what-changed'),
          rows: diff.changes,
          columns: [
            { key: 'record', label: t('empact.record'), value: (c) => `${c.record} ${c.label}` },
            { key: 'field', label: t('empact.field'), value: (c) => c.field },
            { key: 'then', label: t('empact.then'), value: (c) => c.then ?? '—' },
            { key: 'now', label: t('empact.now'), value: (c) => c.now ?? '—' },
          ],
        })
      : h('p', { text: t('empact.nothing-changed') }),
  );
}

export function renderCycle(
  view: { cycles: EmpactCycle[]; cycle: EmpactCycle; secretariat: boolean; diff: AssessmentDiff | null },
  paint: Painter,
): HTMLElement[] {
  const { cycle } = view;
  return [
    viewHeader('EMPACT', t('empact.intro')),
    selectField({
      label: t('empact.cycle'),
      selected: cycle.code,
      choices: view.cycles.map((c) => ({ value: c.code, label: c.title })),
      onChange: paint.goToCycle,
    }),
    factsheetLinks(cycle.title, { cycle: cycle.code }),
    h(
      'section',
      { 'aria-labelledby': 'priorities-heading' },
      h('h3', { id: 'priorities-heading', text: t('empact.priorities', { cycle: cycle.code }) }),
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
