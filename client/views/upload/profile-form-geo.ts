import type { z } from 'zod';
import type {
  CorrespondenceCheckAnswer,
  ShippedCorrespondencesAnswer,
} from '../../../server/shared/api/correspondences';
import type { ImportProfileDefinition } from '../../api/types';
import { getJson, sendJson } from '../../api/client';
import { errorBox, h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';
import { authMessage } from './transfer';

type ProfileInput = z.input<typeof ImportProfileDefinition>;
type Control = HTMLInputElement | HTMLSelectElement;

function field(label: string, control: Control, hint?: string): HTMLElement {
  const id = uniqueId('profile-geo');
  control.id = id;
  const check = control instanceof HTMLInputElement && control.type === 'checkbox';
  return h(
    'div',
    { class: check ? 'field check' : 'field' },
    check ? '' : h('label', { for: id, text: label }),
    control,
    check ? h('label', { for: id, text: label }) : '',
    hint ? h('span', { class: 'hint', text: hint }) : '',
  );
}

function select(values: [string, string][]): HTMLSelectElement {
  return h('select', {}, ...values.map(([value, label]) => h('option', { value, text: label })));
}

const LEVELS: [string, string][] = [
  ['', ''],
  ['1', 'NUTS 1'],
  ['2', 'NUTS 2'],
  ['3', 'NUTS 3'],
];

/** Number formats as a person recognises them, by an example. */
const NUMBER_FORMATS: Record<string, NonNullable<ProfileInput['numberFormat']>> = {
  '1234.5': { decimal: '.', thousands: '' },
  '1234,5': { decimal: ',', thousands: '' },
  '1,234.5': { decimal: '.', thousands: ',' },
  '1.234,5': { decimal: ',', thousands: '.' },
  '1 234,5': { decimal: ',', thousands: ' ' },
};

/**
 * The profile form's geography, number and roll-up fields (issue 19): the geo column and whether it holds
 * codes or names, a correspondence (shipped, or the contact point's own two-column CSV, checked on the
 * server as it is chosen), the NUTS level names are matched at, the number format, parts summed and the
 * national figure derived from regions. `apply` adds them to a profile, or answers why it cannot.
 */
export function profileGeoFields(geo: () => string): {
  element: HTMLElement;
  apply: (body: ProfileInput) => string | null;
} {
  const geoColumn = h('input', { type: 'text', autocomplete: 'off' });
  const geoCodes = select([
    ['eurostat', t('national.form.geo-codes')],
    ['name', t('national.form.geo-names')],
    ['iso3', t('national.form.geo-iso3')],
    ['iso2', t('national.form.geo-iso2')],
  ]);
  const shipped = select([['', t('national.form.no-correspondence')]]);
  const level = select(LEVELS.map(([v, label]) => [v, v ? label : t('national.form.any-level')]));
  const ownFile = h('input', { type: 'file', accept: '.csv,text/csv,text/plain' });
  const ownStatus = h('div', { 'aria-live': 'polite' });
  const numberFormat = select([
    ['', t('national.form.detect-numbers')],
    ...Object.keys(NUMBER_FORMATS).map((example): [string, string] => [example, example]),
  ]);
  const sumParts = h('input', { type: 'checkbox' });
  const nationalFrom = select(LEVELS.map(([v, label]) => [v, v ? label : t('national.form.no-national')]));
  let own: { entries: CorrespondenceCheckAnswer['entries']; problem: string | null } = { entries: [], problem: null };

  const loadShipped = async () => {
    const answer = await getJson<ShippedCorrespondencesAnswer>('/api/correspondences');
    for (const c of answer.data) {
      const label = t('national.form.shipped-option', { name: c.name, geo: c.geo, count: c.entries });
      shipped.append(h('option', { value: c.name, text: label }));
    }
  };
  loadShipped().catch(() => undefined);

  ownFile.addEventListener('change', async () => {
    const chosen = ownFile.files?.[0];
    own = { entries: [], problem: null };
    if (!chosen) return ownStatus.replaceChildren();
    own.problem = t('national.form.checking');
    ownStatus.replaceChildren(h('p', { role: 'status', text: own.problem }));
    try {
      const answer = await sendJson<CorrespondenceCheckAnswer>('POST', '/api/correspondences/check', {
        geo: geo(),
        csv: await chosen.text(),
      });
      own = { entries: answer.entries, problem: answer.valid ? null : t('national.form.fix-correspondence') };
      ownStatus.replaceChildren(answer.valid ? accepted(answer) : problemList(answer));
    } catch (error) {
      own.problem = t('national.form.check-failed', { problem: authMessage(error) });
      ownStatus.replaceChildren(errorBox(own.problem));
    }
  });

  const element = h(
    'fieldset',
    { class: 'profile-geo' },
    h('legend', { text: t('national.form.legend') }),
    h(
      'div',
      { class: 'controls' },
      field(t('national.form.geo-column'), geoColumn, t('national.form.geo-column-hint')),
      field(t('national.form.geo-holds'), geoCodes),
      field(t('national.form.correspondence'), shipped),
      field(t('national.form.name-level'), level),
    ),
    field(t('national.form.own-correspondence'), ownFile, t('national.form.own-correspondence-hint')),
    ownStatus,
    h(
      'div',
      { class: 'controls' },
      field(t('national.form.number-format'), numberFormat),
      field(t('national.form.sum-parts'), sumParts),
      field(t('national.form.national-from'), nationalFrom),
    ),
  );

  const apply = (body: ProfileInput): string | null => {
    if (own.problem) return own.problem;
    if (geoColumn.value.trim()) body.columns = { ...body.columns, geo: geoColumn.value.trim() };
    body.geoCodes = geoCodes.value as ProfileInput['geoCodes'];
    if (shipped.value || own.entries.length || level.value) {
      body.correspondence = {
        shipped: shipped.value || null,
        entries: own.entries,
        level: level.value ? Number(level.value) : null,
      };
    }
    const format = NUMBER_FORMATS[numberFormat.value];
    if (format) body.numberFormat = format;
    if (sumParts.checked || nationalFrom.value) {
      body.rollup = {
        sumParts: sumParts.checked,
        nationalFrom: nationalFrom.value ? Number(nationalFrom.value) : null,
      };
    }
    return null;
  };
  return { element, apply };
}

function accepted(answer: CorrespondenceCheckAnswer): HTMLElement {
  return h('p', {
    class: 'notice',
    role: 'status',
    text: t('national.form.correspondence-ok', { count: answer.entries.length }),
  });
}

function problemList(answer: CorrespondenceCheckAnswer): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', { text: t('national.form.correspondence-problems', { count: answer.problems.length }) }),
    h(
      'ul',
      {},
      ...answer.problems.map((p) =>
        h('li', {
          text: p.row === null ? p.message : t('national.form.line-problem', { row: p.row, message: p.message }),
        }),
      ),
    ),
  );
}
