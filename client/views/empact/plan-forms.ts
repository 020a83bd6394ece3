import type { EmpactAction, EmpactOap, PriorityDetail } from '../../../server/shared/api/empact';
import { empactApi } from './api';
import { entryForm, type FieldSpec } from './forms';
import { type KpiRow, periodHint } from './state';
import type { Painter } from './render-cycle';
import { t } from '../../i18n/i18n';

/** The forms with which a priority's coordinators and the secretariat edit its plans, actions and KPIs. */
export const CLASSIFICATION: FieldSpec = {
  name: 'classification',
  label: t('empact.p.classification'),
  kind: 'select',
  choices: [
    { value: 'restricted', label: t('empact.p.restricted-secretariat-and-coordinators') },
    { value: 'public', label: t('empact.p.public') },
  ],
};

export function actionForm(oap: EmpactOap, detail: PriorityDetail, paint: Painter): HTMLElement {
  return entryForm({
    title: t('empact.p.add-action-to', { plan: oap.title }),
    submitLabel: t('empact.p.add-the-action'),
    done: paint.refresh,
    fields: [
      { name: 'number', label: t('empact.p.number'), kind: 'text', hint: t('empact.p.e-g-oa-7-3') },
      { name: 'title', label: t('empact.p.title'), kind: 'text' },
      {
        name: 'chsgNumber',
        label: 'CHSG',
        kind: 'select',
        choices: detail.chsgs.map((c) => ({ value: String(c.number), label: `CHSG ${c.number}: ${c.title}` })),
      },
      { name: 'leader', label: t('empact.p.leader'), kind: 'text', hint: t('empact.p.a-member-state-nl-or-an') },
      {
        name: 'participants',
        label: t('empact.p.participants'),
        kind: 'list',
        hint: t('empact.p.comma-separated-e-g-be-de'),
        optional: true,
      },
      { name: 'startDate', label: t('empact.p.start'), kind: 'date' },
      { name: 'endDate', label: t('empact.p.end'), kind: 'date' },
      { name: 'expectedOutput', label: t('empact.p.expected-output'), kind: 'textarea' },
      {
        name: 'status',
        label: t('empact.p.status'),
        kind: 'select',
        choices: ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'].map((s) => ({
          value: s,
          label: t(`empact.action-status.${s}`),
        })),
      },
      CLASSIFICATION,
    ],
    submit: (v) =>
      empactApi.send('POST', `/api/empact/oaps/${oap.id}/actions`, { ...v, chsgNumber: Number(v.chsgNumber) }),
  });
}

export function kpiForm(oap: EmpactOap, paint: Painter): HTMLElement {
  return entryForm({
    title: t('empact.p.add-kpi-to', { plan: oap.title }),
    submitLabel: t('empact.p.add-the-kpi'),
    done: paint.refresh,
    fields: [
      {
        name: 'owner',
        label: t('empact.p.belongs-to'),
        kind: 'select',
        choices: [
          { value: '', label: t('empact.p.the-whole-plan') },
          ...oap.actions.map((a) => ({ value: String(a.id), label: a.number })),
        ],
      },
      {
        name: 'definition',
        label: t('empact.p.definition'),
        kind: 'textarea',
        hint: t('empact.p.what-is-counted-specifically'),
      },
      { name: 'unit', label: t('empact.p.unit'), kind: 'text' },
      { name: 'baselineValue', label: t('empact.p.baseline-value'), kind: 'number' },
      { name: 'baselineDate', label: t('empact.p.baseline-date'), kind: 'date' },
      { name: 'targetValue', label: t('empact.p.target-value'), kind: 'number' },
      { name: 'targetDate', label: t('empact.p.target-date'), kind: 'date' },
      {
        name: 'frequency',
        label: t('empact.p.reporting-frequency'),
        kind: 'select',
        choices: ['annual', 'semiannual', 'quarterly', 'monthly'].map((f) => ({
          value: f,
          label: t(`empact.frequency.${f}`),
        })),
      },
      { name: 'dataSource', label: t('empact.p.data-source'), kind: 'text' },
      {
        name: 'indicator',
        label: t('empact.p.observatory-indicator'),
        kind: 'text',
        optional: true,
        hint: t('empact.p.e-g-iccs0601-its-values-are'),
      },
      {
        name: 'indicatorGeo',
        label: t('empact.p.indicator-geo'),
        kind: 'text',
        optional: true,
        hint: t('empact.p.e-g-nl'),
      },
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

export function reportForm(rows: KpiRow[], paint: Painter): HTMLElement | null {
  const typed = rows.filter((r) => !r.kpi.indicator);
  if (!typed.length) return null;
  return entryForm({
    title: t('empact.p.report-on-a-kpi'),
    submitLabel: t('empact.p.send-the-report'),
    done: paint.refresh,
    fields: [
      {
        name: 'kpi',
        label: t('empact.kpi'),
        kind: 'select',
        choices: typed.map((r) => ({
          value: String(r.kpi.id),
          label: `${r.action ?? t('empact.p.plan')}: ${r.kpi.definition}`,
        })),
      },
      {
        name: 'period',
        label: t('empact.p.period'),
        kind: 'text',
        hint: t('empact.p.period-hint', { example: periodHint(typed[0]!.kpi) }),
      },
      { name: 'value', label: t('empact.p.value'), kind: 'number' },
      {
        name: 'flags',
        label: t('empact.p.flags'),
        kind: 'text',
        optional: true,
        hint: t('empact.p.p-provisional-e-estimated'),
      },
      { name: 'narrative', label: t('empact.p.narrative'), kind: 'textarea', optional: true },
    ],
    submit: ({ kpi, ...v }) => empactApi.send('POST', `/api/empact/kpis/${kpi}/reports`, v),
  });
}

export function practiceForm(oap: EmpactOap, paint: Painter): HTMLElement | null {
  if (!oap.actions.length) return null;
  return entryForm({
    title: t('empact.p.link-practices-to-an-action'),
    submitLabel: t('empact.p.link-the-practices'),
    done: paint.refresh,
    fields: [
      {
        name: 'action',
        label: t('empact.p.action'),
        kind: 'select',
        choices: oap.actions.map((a) => ({ value: String(a.id), label: `${a.number} ${a.title}` })),
      },
      {
        name: 'slugs',
        label: t('empact.p.practices'),
        kind: 'list',
        hint: t('empact.p.comma-separated-practice-addresses-e-g'),
      },
      {
        name: 'relation',
        label: t('empact.p.the-action'),
        kind: 'select',
        choices: [
          { value: 'uses', label: t('empact.p.uses-them') },
          { value: 'produced', label: t('empact.p.produced-them') },
        ],
      },
    ],
    submit: ({ action, slugs, relation }) =>
      empactApi.send('PUT', `/api/empact/actions/${action}/practices`, {
        practices: (slugs as string[]).map((slug) => ({ slug, relation })),
      }),
  });
}

export function statusForm(oap: EmpactOap, paint: Painter): HTMLElement | null {
  if (!oap.actions.length) return null;
  const statuses = ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'];
  return entryForm({
    title: t('empact.p.change-status-in', { plan: oap.title }),
    submitLabel: t('empact.p.change-the-status'),
    done: paint.refresh,
    fields: [
      {
        name: 'action',
        label: t('empact.p.action'),
        kind: 'select',
        choices: oap.actions.map((a) => ({
          value: String(a.id),
          label: `${a.number} (${t(`empact.action-status.${a.status}`)})`,
        })),
      },
      {
        name: 'status',
        label: t('empact.p.new-status'),
        kind: 'select',
        choices: statuses.map((s) => ({ value: s, label: s })),
      },
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
