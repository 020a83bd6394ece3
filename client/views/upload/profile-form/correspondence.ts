import type {
  CorrespondenceCheckAnswer,
  ShippedCorrespondencesAnswer,
} from '../../../../server/shared/api/correspondences';
import { getJson, sendJson } from '../../../api/client';
import { errorBox, h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { choiceSelect, optionField, sectionSet } from './controls';
import type { MappingField, ProfileDraft, SectionFactory } from './section';

const LEVELS = ['1', '2', '3'];
/** The contact point's own lines, read from the two-column CSV: one control sets them all. */
const OWN_LINES = 'correspondence.entries correspondence.entries[].name correspondence.entries[].geo';

/**
 * The profile form's places and roll-up (issue 19): a correspondence (shipped, or the contact point's
 * own two-column CSV, checked on the server as it is chosen), the NUTS level names are matched at, parts
 * summed into one cell and the national figure derived from regions. Whether the geo column holds codes
 * or names is the columns section's geoCodes select.
 */
export const correspondenceSection: SectionFactory = (form) => {
  const shipped = choiceSelect([['', t('national.form.no-correspondence')]]);
  const level = choiceSelect([
    ['', t('national.form.any-level')],
    ...LEVELS.map((v): [string, string] => [v, `NUTS ${v}`]),
  ]);
  const ownFile = h('input', { type: 'file', accept: '.csv,text/csv,text/plain' });
  const ownStatus = h('div', { 'aria-live': 'polite' });
  const sumParts = h('input', { type: 'checkbox' });
  const tolerance = h('input', { type: 'number', min: 0, max: 100, step: 0.1, value: '0.5', inputmode: 'decimal' });
  const nationalFrom = choiceSelect([
    ['', t('national.form.no-national')],
    ...LEVELS.map((v): [string, string] => [v, `NUTS ${v}`]),
  ]);
  let own: { entries: CorrespondenceCheckAnswer['entries']; problem: string | null } = { entries: [], problem: null };
  let pendingShipped: string | null = null;

  getJson<ShippedCorrespondencesAnswer>('/api/correspondences')
    .then((answer) => {
      for (const c of answer.data)
        shipped.append(
          h('option', {
            value: c.name,
            text: t('national.form.shipped-option', { name: c.name, geo: c.geo, count: c.entries }),
          }),
        );
      if (pendingShipped) shipped.value = pendingShipped;
    })
    .catch(() => undefined);

  ownFile.addEventListener('change', async () => {
    const chosen = ownFile.files?.[0];
    own = { entries: [], problem: null };
    if (!chosen) return ownStatus.replaceChildren();
    own.problem = t('national.form.checking');
    ownStatus.replaceChildren(h('p', { role: 'status', text: own.problem }));
    try {
      const answer = await sendJson<CorrespondenceCheckAnswer>('POST', '/api/correspondences/check', {
        geo: form.pageGeo(),
        csv: await chosen.text(),
      });
      own = { entries: answer.entries, problem: answer.valid ? null : t('national.form.fix-correspondence') };
      ownStatus.replaceChildren(answer.valid ? accepted(answer) : problemList(answer));
    } catch (error) {
      own.problem = t('national.form.check-failed', {
        problem: error instanceof Error ? error.message : String(error),
      });
      ownStatus.replaceChildren(errorBox(own.problem));
    }
    form.changed();
  });
  for (const control of [shipped, level, sumParts, nationalFrom, tolerance])
    control.addEventListener('change', form.changed);

  const element = sectionSet(
    t('national.form.legend'),
    h(
      'div',
      { class: 'controls' },
      optionField('correspondence.shipped', t('national.form.correspondence'), shipped),
      optionField('correspondence.level', t('national.form.name-level'), level),
    ),
    optionField(OWN_LINES, t('national.form.own-correspondence'), ownFile, {
      hint: t('national.form.own-correspondence-hint'),
    }),
    ownStatus,
    h(
      'div',
      { class: 'controls' },
      optionField('rollup.sumParts', t('national.form.sum-parts'), sumParts),
      optionField('rollup.nationalFrom', t('national.form.national-from'), nationalFrom),
      optionField('rollup.tolerance', t('national.form.tolerance'), tolerance, {
        hint: t('national.form.tolerance-hint'),
      }),
    ),
  );

  return {
    element,
    write(draft: ProfileDraft) {
      if (own.problem) return [own.problem];
      if (shipped.value || own.entries.length || level.value)
        draft.correspondence = {
          shipped: shipped.value || null,
          entries: own.entries,
          level: level.value ? Number(level.value) : null,
        };
      if (sumParts.checked || nationalFrom.value)
        draft.rollup = {
          sumParts: sumParts.checked,
          nationalFrom: nationalFrom.value ? Number(nationalFrom.value) : null,
        };
      return [];
    },
    load(profile: ProfileDraft) {
      pendingShipped = profile.correspondence?.shipped ?? null;
      shipped.value = pendingShipped ?? '';
      level.value = profile.correspondence?.level == null ? '' : String(profile.correspondence.level);
      own = { entries: profile.correspondence?.entries ?? [], problem: null };
      ownStatus.replaceChildren(
        own.entries.length ? h('p', { text: t('national.form.correspondence-ok', { count: own.entries.length }) }) : '',
      );
      sumParts.checked = profile.rollup?.sumParts ?? false;
      nationalFrom.value = profile.rollup?.nationalFrom == null ? '' : String(profile.rollup.nationalFrom);
      tolerance.value = String(Math.round((profile.rollup?.tolerance ?? 0.005) * 100_000) / 1000);
    },
  };
};

/** A mapping row's "given directly" box: with roll-up, this code's figure is the indicator's, never a part. */
export const mappingWholeField: MappingField = {
  option: 'whole',
  label: () => t('national.form.whole'),
  control: () => h('input', { type: 'checkbox' }),
  write(control, mapping) {
    if ((control as HTMLInputElement).checked) mapping.whole = true;
  },
  load(control, mapping) {
    (control as HTMLInputElement).checked = mapping.whole ?? false;
  },
};

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
