import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { choiceSelect, linesInput, linesOf, optionField, sectionSet, textInput } from './controls';
import { roleFields } from './role-fields';
import type { ProfileDraft, SectionFactory } from './section';

const ROLES = ['geo', 'indicator', 'period', 'value', 'flags', 'note'] as const;
type Role = (typeof ROLES)[number];
/** Roles a wide table (one column per period) reads from columns; its periods and values are the period columns. */
const WIDE_ROLES: Role[] = ['geo', 'indicator', 'flags', 'note'];

/**
 * Which column (a JSON-stat or Eurostat key: which dimension) holds what, and how the geo column writes
 * countries. Long files may join several dimension columns into the indicator code.
 */
export const columnsSection: SectionFactory = (form) => {
  const columns = roleFields(
    'columns',
    ROLES.map((role) => ({
      role,
      label: t(`profile-form.column.${role}`),
      input: textInput({ list: form.columnList }),
      hint: role === 'geo' ? t('profile-form.geo-column-hint') : undefined,
      shapes: role === 'value' ? ['long'] : role === 'period' ? ['long', 'jsonstat'] : undefined,
    })),
  );
  const indicatorFrom = linesInput(3);
  const keyDimensions = linesInput(3);
  const geoCodes = choiceSelect([
    ['eurostat', t('profile-form.geo-codes.eurostat')],
    ['iso3', t('profile-form.geo-codes.iso3')],
    ['iso2', t('profile-form.geo-codes.iso2')],
    ['name', t('national.form.geo-names')],
  ]);
  const otherGeos = choiceSelect([
    ['reject', t('profile-form.other-geos.reject')],
    ['skip', t('profile-form.other-geos.skip')],
  ]);
  return {
    element: sectionSet(
      t('profile-form.section-columns'),
      h('p', { class: 'hint', text: t('profile-form.columns-intro') }),
      h('div', { class: 'controls' }, ...columns.rows),
      h(
        'div',
        { class: 'controls' },
        optionField('geoCodes', t('profile-form.geo-codes'), geoCodes),
        optionField('otherGeos', t('profile-form.other-geos'), otherGeos),
        optionField('indicatorFrom', t('profile-form.indicator-from'), indicatorFrom, {
          hint: t('profile-form.indicator-from-hint'),
          shapes: ['long'],
        }),
        optionField('keyDimensions', t('profile-form.key-dimensions'), keyDimensions, {
          hint: t('profile-form.key-dimensions-hint'),
          shapes: ['eurostat', 'jsonstat'],
        }),
      ),
    ),
    write: (draft) => {
      const shape = form.shape();
      const used = shape === 'wide' || shape === 'eurostat' || shape === 'worldbank' ? WIDE_ROLES : ROLES;
      draft.columns = columns.values(shape, (role) => used.includes(role));
      draft.geoCodes = geoCodes.value as ProfileDraft['geoCodes'];
      draft.otherGeos = otherGeos.value as ProfileDraft['otherGeos'];
      const parts = linesOf(indicatorFrom.value);
      draft.indicatorFrom = shape === 'long' && parts.length ? parts : undefined;
      const dims = linesOf(keyDimensions.value);
      draft.keyDimensions = (shape === 'eurostat' || shape === 'jsonstat') && dims.length ? dims : undefined;
      if (draft.indicatorFrom && draft.indicatorFrom.length < 2) return [t('profile-form.indicator-from-two')];
      return [];
    },
    load: (profile) => {
      columns.load(profile.columns);
      geoCodes.value = profile.geoCodes ?? 'eurostat';
      otherGeos.value = profile.otherGeos ?? 'reject';
      indicatorFrom.value = (profile.indicatorFrom ?? []).join('\n');
      keyDimensions.value = (profile.keyDimensions ?? []).join('\n');
    },
  };
};
