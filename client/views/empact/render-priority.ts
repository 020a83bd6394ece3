import type { EmpactAction, EmpactCycle, EmpactOap, PriorityDetail } from '../../../server/shared/api/empact';
import { h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { viewHeader } from '../view-parts';
import { empactApi } from './api';
import { entryForm, type FieldSpec } from './forms';
import { formatNumber, kpiRows, type KpiRow, periodHint, planPeriods, progressText, ragLabel } from './state';
import { factsheetLinks, type Painter } from './render-cycle';
import { t } from '../../i18n/i18n';
import { actionForm, CLASSIFICATION, kpiForm, practiceForm, reportForm, statusForm } from './plan-forms';

function actionTable(oap: EmpactOap): HTMLElement {
  if (!oap.actions.length) return h('p', { text: t('empact.p.no-operational-action-yet') });
  return sortableTable<EmpactAction>({
    caption: t('empact.p.actions-of', { plan: oap.title }),
    rows: oap.actions,
    columns: [
      { key: 'number', label: t('empact.p.action'), value: (a) => a.number },
      { key: 'title', label: t('empact.p.title'), value: (a) => a.title },
      { key: 'chsg', label: 'CHSG', value: (a) => a.chsgNumber, numeric: true },
      { key: 'leader', label: t('empact.p.leader'), value: (a) => a.leader },
      { key: 'participants', label: t('empact.p.participants'), value: (a) => a.participants.join(', ') },
      { key: 'period', label: t('empact.p.period'), value: (a) => `${a.startDate} – ${a.endDate}` },
      { key: 'status', label: t('empact.p.status'), value: (a) => t(`empact.action-status.${a.status}`) },
      {
        key: 'classification',
        label: t('empact.p.classification'),
        value: (a) => t(`empact.classification.${a.classification}`),
      },
      {
        key: 'practices',
        label: t('empact.p.practices'),
        value: (a) => a.practices.map((p) => p.title ?? p.slug).join('; '),
        cell: (a) =>
          h(
            'span',
            {},
            ...a.practices.flatMap((p, i) => [
              i ? '; ' : '',
              h('a', {
                href: `/practices/${encodeURIComponent(p.slug)}`,
                text: `${p.title ?? p.slug} (${t(`empact.relation.${p.relation}`)})`,
              }),
            ]),
          ),
      },
    ],
  });
}

function kpiTable(rows: KpiRow[], caption: string): HTMLElement {
  if (!rows.length) return h('p', { text: t('empact.p.no-kpi-yet') });
  return sortableTable<KpiRow>({
    caption,
    rows,
    columns: [
      { key: 'definition', label: t('empact.kpi'), value: (r) => r.kpi.definition },
      { key: 'action', label: t('empact.p.action'), value: (r) => r.action ?? t('empact.p.the-whole-plan') },
      {
        key: 'baseline',
        label: t('empact.p.baseline'),
        value: (r) => r.kpi.baselineValue,
        format: (r) => `${formatNumber(r.kpi.baselineValue)} (${r.kpi.baselineDate})`,
        numeric: true,
      },
      {
        key: 'target',
        label: t('empact.p.target'),
        value: (r) => r.kpi.targetValue,
        format: (r) =>
          t('empact.p.target-by', { value: formatNumber(r.kpi.targetValue), date: r.kpi.targetDate ?? '—' }),
        numeric: true,
      },
      {
        key: 'latest',
        label: t('empact.p.latest'),
        value: (r) => r.kpi.progress.latest?.value ?? null,
        format: (r) =>
          r.kpi.progress.latest
            ? `${formatNumber(r.kpi.progress.latest.value)} (${r.kpi.progress.latest.period})`
            : '—',
        numeric: true,
      },
      {
        key: 'progress',
        label: t('empact.p.progress'),
        value: (r) => r.kpi.progress.progress,
        format: (r) => progressText(r.kpi),
        numeric: true,
      },
      {
        key: 'rag',
        label: t('empact.p.status'),
        value: (r) => ragLabel(r.kpi.progress.rag).label,
        cell: (r) =>
          h(
            'span',
            { class: `rag rag-${r.kpi.progress.rag}`, title: r.kpi.progress.reason },
            h('span', { 'aria-hidden': 'true', text: `${ragLabel(r.kpi.progress.rag).symbol} ` }),
            ragLabel(r.kpi.progress.rag).label,
          ),
      },
      { key: 'unit', label: t('empact.p.unit'), value: (r) => r.kpi.unit },
    ],
  });
}

function coordinatorForm(detail: PriorityDetail, paint: Painter): HTMLElement | null {
  if (detail.coordinators === null) return null;
  return h(
    'section',
    { 'aria-labelledby': 'coordinators-heading' },
    h('h3', { id: 'coordinators-heading', text: t('empact.p.empact-coordinators') }),
    h('p', {
      text: detail.coordinators.length ? detail.coordinators.join(', ') : t('empact.p.no-coordinator'),
    }),
    entryForm({
      title: t('empact.p.name-the-coordinators'),
      submitLabel: t('empact.p.save-the-coordinators'),
      done: paint.refresh,
      fields: [
        {
          name: 'emails',
          label: t('empact.p.curator-accounts'),
          kind: 'list',
          value: detail.coordinators.join(', '),
          hint: t('empact.p.comma-separated-email-addresses-replaces-the'),
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
        `${oap.firstYear}${oap.lastYear !== oap.firstYear ? `–${oap.lastYear}` : ''} · ${t('empact.p.driver-is', { driver: oap.driver })}` +
        `${oap.coDrivers.length ? ` · ${t('empact.p.co-drivers-are', { list: oap.coDrivers.join(', ') })}` : ''}` +
        ` · ${t(`empact.plan-status.${oap.status}`)} · ${t(`empact.classification.${oap.classification}`)}`,
    }),
    actionTable(oap),
    kpiTable(rows, t('empact.p.kpis-of', { plan: oap.title })),
    detail.editable ? actionForm(oap, detail, paint) : null,
    detail.editable ? kpiForm(oap, paint) : null,
    detail.editable ? reportForm(rows, paint) : null,
    detail.editable ? practiceForm(oap, paint) : null,
    detail.editable ? statusForm(oap, paint) : null,
  );
}

function oapForm(detail: PriorityDetail, cycle: EmpactCycle, paint: Painter): HTMLElement {
  return entryForm({
    title: t('empact.p.create-an-operational-action-plan'),
    submitLabel: t('empact.p.create-the-plan'),
    done: paint.refresh,
    fields: [
      {
        name: 'period',
        label: t('empact.p.period'),
        kind: 'select',
        choices: planPeriods(cycle).map((p) => ({
          value: `${p.first}-${p.last}`,
          label: p.first === p.last ? String(p.first) : `${p.first}–${p.last}`,
        })),
      },
      { name: 'title', label: t('empact.p.title'), kind: 'text' },
      { name: 'driver', label: t('empact.p.driver'), kind: 'text', hint: t('empact.p.a-member-state-code-e-g') },
      {
        name: 'coDrivers',
        label: t('empact.p.co-drivers'),
        kind: 'list',
        optional: true,
        hint: t('empact.p.comma-separated'),
      },
      {
        name: 'status',
        label: t('empact.p.status'),
        kind: 'select',
        choices: ['draft', 'adopted', 'implementing', 'closed'].map((s) => ({
          value: s,
          label: t(`empact.plan-status.${s}`),
        })),
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
          `${t('empact.p.measured-by')} `,
          ...p.indicators.flatMap((code, i) => [
            i ? ', ' : '',
            h('a', { href: `/trends?indicator=${code}`, text: code }),
          ]),
        )
      : null,
    ...(detail.oaps.length
      ? detail.oaps.map((oap) => oapSection(oap, detail, paint))
      : [h('p', { text: t('empact.p.no-operational-action-plan-you-may') })]),
    detail.editable ? oapForm(detail, cycle, paint) : null,
    coordinatorForm(detail, paint),
  ].filter((e): e is HTMLElement => e !== null);
}
