import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { sectionSet, textInput } from './controls';
import { roleFields } from './role-fields';
import type { SectionFactory } from './section';

/** Values every row shares when the file has no column for them: a file of one year, or of one offence. */
export const fixedSection: SectionFactory = () => {
  const fields = roleFields('fixed', [
    {
      role: 'period',
      label: t('profile-form.fixed-period'),
      input: textInput({ maxlength: 32, inputmode: 'numeric' }),
      hint: t('profile-form.fixed-period-hint'),
      shapes: ['long'],
    },
    {
      role: 'indicator',
      label: t('profile-form.fixed-indicator'),
      input: textInput({ maxlength: 300 }),
      hint: t('profile-form.fixed-indicator-hint'),
      shapes: ['long', 'wide'],
    },
  ]);
  return {
    element: sectionSet(
      t('profile-form.section-fixed'),
      h('p', { class: 'hint', text: t('profile-form.fixed-intro') }),
      h('div', { class: 'controls' }, ...fields.rows),
    ),
    write: (draft) => {
      const fixed = fields.values(draft.shape);
      draft.fixed = fixed;
      const problems: string[] = [];
      if (fixed.period && draft.columns?.period) problems.push(t('profile-form.fixed-twice', { role: 'period' }));
      if (fixed.indicator && (draft.columns?.indicator || draft.indicatorFrom))
        problems.push(t('profile-form.fixed-twice', { role: 'indicator' }));
      return problems;
    },
    load: (profile) => {
      fields.load(profile.fixed);
    },
  };
};
