import type { EmpactAction, EmpactCycle, EmpactOap, PriorityDetail } from '../../../server/shared/api/empact';
import { h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { viewHeader } from '../view-parts';
import { empactApi } from './api';
import { entryForm, type FieldSpec } from './forms';
import { formatNumber, kpiRows, type KpiRow, periodHint, planPeriods, progressText, RAG_LABELS } from './state';
import { factsheetLinks, type Painter } from './render-cycle';

const CLASSIFICATION: FieldSpec = {
  name: 'classification',
  label: 'Classification',
  kind: 'select',
  choices: [
    { value: 'restricted', label: 'restricted (secretariat and coordinators)' },
    { value: 'public', label: 'public' },
  ],
};

function actionTable(oap: EmpactOap): HTMLElement {
  if (!oap.actions.length) return h('p', { text: 'No operational action yet.' });
  return sortableTable<EmpactAction>({
    caption: `Operational actions of ${oap.title}`,
    rows: oap.actions,
    columns: [
      { key: 'number', label: 'Action', value: (a) => a.number },
      { key: 'title', label: 'Title', value: (a) => a.title },
      { key: 'chsg', label: 'CHSG', value: (a) => a.chsgNumber, numeric: true },
      { key: 'leader', label: 'Leader', value: (a) => a.leader },
      { key: 'participants', label: 'Participants', value: (a) => a.participants.join(', ') },
      { key: 'period', label: 'Period', value: (a) => `${a.startDate} – ${a.endDate}` },
      { key: 'status', label: 'Status', value: (a) => a.status },
      { key: 'classification', label: 'Classification', value: (a) => a.classification },
      {
        key: 'practices',
        label: 'Practices',
        value: (a) => a.practices.map((p) => p.title ?? p.slug).join('; '),
        cell: (a) =>
          h(
            'span',
            {},
            ...a.practices.flatMap((p, i) => [
              i ? '; ' : '',
              h('a', {
                href: `/practices/${encodeURIComponent(p.slug)}`,
                text: `${p.title ?? p.slug} (${p.relation})`,
              }),
            ]),
          ),
      },
    ],
  });
}

function kpiTable(rows: KpiRow[], caption: string): HTMLElement {
  if (!rows.length) return h('p', { text: 'No KPI yet.' });
  return sortableTable<KpiRow>({
    caption,
    rows,
    columns: [
      { key: 'definition', label: 'KPI', value: (r) => r.kpi.definition },
      { key: 'action', label: 'Action', value: (r) => r.action ?? 'whole plan' },
      {
        key: 'baseline',
        label: 'Baseline',
        value: (r) => r.kpi.baselineValue,
        format: (r) => `${formatNumber(r.kpi.baselineValue)} (${r.kpi.baselineDate})`,
        numeric: true,
      },
      {
        key: 'target',
        label: 'Target',
        value: (r) => r.kpi.targetValue,
        format: (r) => `${formatNumber(r.kpi.targetValue)} by ${r.kpi.targetDate}`,
        numeric: true,
      },
      {
        key: 'latest',
        label: 'Latest',
        value: (r) => r.kpi.progress.latest?.value ?? null,
        format: (r) =>
          r.kpi.progress.latest
            ? `${formatNumber(r.kpi.progress.latest.value)} (${r.kpi.progress.latest.period})`
            : '—',
        numeric: true,
      },
      {
        key: 'progress',
        label: 'Progress',
        value: (r) => r.kpi.progress.progress,
        format: (r) => progressText(r.kpi),
        numeric: true,
      },
      {
        key: 'rag',
        label: 'Status',
        value: (r) => RAG_LABELS[r.kpi.progress.rag].label,
        cell: (r) =>
          h(
            'span',
            { class: `rag rag-${r.kpi.progress.rag}`, title: r.kpi.progress.reason },
            h('span', { 'aria-hidden': 'true', text: `${RAG_LABELS[r.kpi.progress.rag].symbol} ` }),
            RAG_LABELS[r.kpi.progress.rag].label,
          ),
      },
      { key: 'unit', label: 'Unit', value: (r) => r.kpi.unit },
    ],
  });
}

function actionForm(oap: EmpactOap, detail: PriorityDetail, paint: Painter): HTMLElement {
  return entryForm({
    title: `Add an operational action to ${oap.title}`,
    submitLabel: 'Add the action',
    done: paint.refresh,
    fields: [
      { name: 'number', label: 'Number', kind: 'text', hint: 'e.g. OA 7.3' },
      { name: 'title', label: 'Title', kind: 'text' },
      {
        name: 'chsgNumber',
        label: 'CHSG',
        kind: 'select',
        choices: detail.chsgs.map((c) => ({ value: String(c.number), label: `CHSG ${c.number}: ${c.title}` })),
      },
      { name: 'leader', label: 'Leader', kind: 'text', hint: 'A member state (NL) or an EU agency (EUCPN)' },
      {
        name: 'participants',
        label: 'Participants',
        kind: 'list',
        hint: 'Comma-separated, e.g. BE, DE, FR',
        optional: true,
      },
      { name: 'startDate', label: 'Start', kind: 'date' },
      { name: 'endDate', label: 'End', kind: 'date' },
      { name: 'expectedOutput', label: 'Expected output', kind: 'textarea' },
      {
        name: 'status',
        label: 'Status',
        kind: 'select',
        choices: ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'].map((s) => ({ value: s, label: s })),
      },
      CLASSIFICATION,
    ],
    submit: (v) =>
      empactApi.send('POST', `/api/empact/oaps/${oap.id}/actions`, { ...v, chsgNumber: Number(v.chsgNumber) }),
  });
}

function kpiForm(oap: EmpactOap, paint: Painter): HTMLElement {
  return entryForm({
    title: `Add a KPI to ${oap.title}`,
    submitLabel: 'Add the KPI',
    done: paint.refresh,
    fields: [
      {
        name: 'owner',
        label: 'Belongs to',
        kind: 'select',
        choices: [
          { value: '', label: 'the whole plan' },
          ...oap.actions.map((a) => ({ value: String(a.id), label: a.number })),
        ],
      },
      { name: 'definition', label: 'Definition', kind: 'textarea', hint: 'What is counted, specifically' },
      { name: 'unit', label: 'Unit', kind: 'text' },
      { name: 'baselineValue', label: 'Baseline value', kind: 'number' },
      { name: 'baselineDate', label: 'Baseline date', kind: 'date' },
      { name: 'targetValue', label: 'Target value', kind: 'number' },
      { name: 'targetDate', label: 'Target date', kind: 'date' },
      {
        name: 'frequency',
        label: 'Reporting frequency',
        kind: 'select',
        choices: ['annual', 'semiannual', 'quarterly', 'monthly'].map((f) => ({ value: f, label: f })),
      },
      { name: 'dataSource', label: 'Data source', kind: 'text' },
      {
        name: 'indicator',
        label: 'Observatory indicator',
        kind: 'text',
        optional: true,
        hint: 'e.g. ICCS0601: its values are then read from the observatory',
      },
      { name: 'indicatorGeo', label: 'Indicator geo', kind: 'text', optional: true, hint: 'e.g. NL' },
      CLASSIFICATION,
    ],
    submit: ({ owner, baselineDate, targetDate, indicator, indicatorGeo, ...v }) =>
      empactApi.send('POST', '/api/empact/kpis', {
        ...v,
        baselineDate: baselineDate || null,
        targetDate: targetDate || null,
        indicator: indicator || null,
        indicatorGeo: indicatorGeo || null,
        ...(owner ? { actionId: Number(owner) } : { oapId: oap.id }),
      }),
  });
}

function reportForm(rows: KpiRow[], paint: Painter): HTMLElement | null {
  const typed = rows.filter((r) => !r.kpi.indicator);
  if (!typed.length) return null;
  return entryForm({
    title: 'Report on a KPI',
    submitLabel: 'Send the report',
    done: paint.refresh,
    fields: [
      {
        name: 'kpi',
        label: 'KPI',
        kind: 'select',
        choices: typed.map((r) => ({ value: String(r.kpi.id), label: `${r.action ?? 'plan'}: ${r.kpi.definition}` })),
      },
      {
        name: 'period',
        label: 'Period',
        kind: 'text',
        hint: `${periodHint(typed[0]!.kpi)}; reporting a period again corrects it`,
      },
      { name: 'value', label: 'Value', kind: 'number' },
      { name: 'flags', label: 'Flags', kind: 'text', optional: true, hint: 'p = provisional, e = estimated' },
      { name: 'narrative', label: 'Narrative', kind: 'textarea', optional: true },
    ],
    submit: ({ kpi, ...v }) => empactApi.send('POST', `/api/empact/kpis/${kpi}/reports`, v),
  });
}

function practiceForm(oap: EmpactOap, paint: Painter): HTMLElement | null {
  if (!oap.actions.length) return null;
  return entryForm({
    title: 'Link practices to an action',
    submitLabel: 'Link the practices',
    done: paint.refresh,
    fields: [
      {
        name: 'action',
        label: 'Action',
        kind: 'select',
        choices: oap.actions.map((a) => ({ value: String(a.id), label: `${a.number} ${a.title}` })),
      },
      {
        name: 'slugs',
        label: 'Practices',
        kind: 'list',
        hint: "Comma-separated practice addresses, e.g. communities-that-care; replaces the action's links",
      },
      {
        name: 'relation',
        label: 'The action',
        kind: 'select',
        choices: [
          { value: 'uses', label: 'uses them' },
          { value: 'produced', label: 'produced them' },
        ],
      },
    ],
    submit: ({ action, slugs, relation }) =>
      empactApi.send('PUT', `/api/empact/actions/${action}/practices`, {
        practices: (slugs as string[]).map((slug) => ({ slug, relation })),
      }),
  });
}

function statusForm(oap: EmpactOap, paint: Painter): HTMLElement | null {
  if (!oap.actions.length) return null;
  const statuses = ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'];
  return entryForm({
    title: `Change an action's status in ${oap.title}`,
    submitLabel: 'Change the status',
    done: paint.refresh,
    fields: [
      {
        name: 'action',
        label: 'Action',
        kind: 'select',
        choices: oap.actions.map((a) => ({ value: String(a.id), label: `${a.number} (${a.status})` })),
      },
      { name: 'status', label: 'New status', kind: 'select', choices: statuses.map((s) => ({ value: s, label: s })) },
    ],
    submit: ({ action, status }) => {
      const a = oap.actions.find((x) => String(x.id) === action)!;
      return empactApi.send('PUT', `/api/empact/actions/${a.id}`, {
        number: a.number,
        title: a.title,
        chsgNumber: a.chsgNumber,
        leader: a.leader,
        participants: a.participants,
        startDate: a.startDate,
        endDate: a.endDate,
        expectedOutput: a.expectedOutput,
        status,
        classification: a.classification,
      });
    },
  });
}

function coordinatorForm(detail: PriorityDetail, paint: Painter): HTMLElement | null {
  if (detail.coordinators === null) return null;
  return h(
    'section',
    { 'aria-labelledby': 'coordinators-heading' },
    h('h3', { id: 'coordinators-heading', text: 'EMPACT coordinators' }),
    h('p', {
      text: detail.coordinators.length
        ? detail.coordinators.join(', ')
        : 'No coordinator yet: only the secretariat edits this priority.',
    }),
    entryForm({
      title: 'Name the coordinators',
      submitLabel: 'Save the coordinators',
      done: paint.refresh,
      fields: [
        {
          name: 'emails',
          label: 'Curator accounts',
          kind: 'list',
          value: detail.coordinators.join(', '),
          hint: 'Comma-separated email addresses; replaces the list',
        },
      ],
      submit: (v) => empactApi.send('PUT', `/api/empact/priorities/${detail.priority.id}/coordinators`, v),
    }),
  );
}

function oapSection(oap: EmpactOap, detail: PriorityDetail, paint: Painter): HTMLElement {
  const id = `oap-${oap.id}`;
  const rows = kpiRows([oap]);
  return h(
    'section',
    { 'aria-labelledby': id, class: 'oap' },
    h('h3', { id, text: oap.title }),
    h('p', {
      text:
        `${oap.firstYear}${oap.lastYear !== oap.firstYear ? `–${oap.lastYear}` : ''} · driver ${oap.driver}` +
        `${oap.coDrivers.length ? ` · co-drivers ${oap.coDrivers.join(', ')}` : ''} · ${oap.status} · ${oap.classification}`,
    }),
    actionTable(oap),
    kpiTable(rows, `KPIs of ${oap.title}`),
    detail.editable ? actionForm(oap, detail, paint) : null,
    detail.editable ? kpiForm(oap, paint) : null,
    detail.editable ? reportForm(rows, paint) : null,
    detail.editable ? practiceForm(oap, paint) : null,
    detail.editable ? statusForm(oap, paint) : null,
  );
}

function oapForm(detail: PriorityDetail, cycle: EmpactCycle, paint: Painter): HTMLElement {
  return entryForm({
    title: 'Create an operational action plan',
    submitLabel: 'Create the plan',
    done: paint.refresh,
    fields: [
      {
        name: 'period',
        label: 'Period',
        kind: 'select',
        choices: planPeriods(cycle).map((p) => ({
          value: `${p.first}-${p.last}`,
          label: p.first === p.last ? String(p.first) : `${p.first}–${p.last}`,
        })),
      },
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'driver', label: 'Driver', kind: 'text', hint: 'A member state code, e.g. NL' },
      { name: 'coDrivers', label: 'Co-drivers', kind: 'list', optional: true, hint: 'Comma-separated' },
      {
        name: 'status',
        label: 'Status',
        kind: 'select',
        choices: ['draft', 'adopted', 'implementing', 'closed'].map((s) => ({ value: s, label: s })),
      },
      CLASSIFICATION,
    ],
    submit: ({ period, ...v }) => {
      const [firstYear, lastYear] = String(period).split('-').map(Number);
      return empactApi.send('POST', '/api/empact/oaps', { ...v, priorityId: detail.priority.id, firstYear, lastYear });
    },
  });
}

export function renderPriority(view: { cycle: EmpactCycle; detail: PriorityDetail }, paint: Painter): HTMLElement[] {
  const { detail, cycle } = view;
  const p = detail.priority;
  return [
    h('p', {}, h('a', { href: paint.cycleHref(cycle.code), text: `← ${cycle.title}` })),
    viewHeader(`${p.name} (${cycle.code})`, p.description),
    factsheetLinks(p.name, { cycle: cycle.code, priority: p.id }),
    p.indicators.length
      ? h(
          'p',
          {},
          'Measured in the observatory by: ',
          ...p.indicators.flatMap((code, i) => [
            i ? ', ' : '',
            h('a', { href: `/trends?indicator=${code}`, text: code }),
          ]),
        )
      : null,
    ...(detail.oaps.length
      ? detail.oaps.map((oap) => oapSection(oap, detail, paint))
      : [h('p', { text: 'No operational action plan you may see yet.' })]),
    detail.editable ? oapForm(detail, cycle, paint) : null,
    coordinatorForm(detail, paint),
  ].filter((e): e is HTMLElement => e !== null);
}
