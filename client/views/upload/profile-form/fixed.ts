import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { optional, optionField, sectionSet, textInput } from './controls';
import type { SectionFactory } from './section';

/** Values every row shares when the file has no column for them: a file of one year, or of one offence. */
export const fixedSection: SectionFactory = () => {
  const period = textInput({ maxlength: 32, inputmode: 'numeric' });
  const indicator = textInput({ maxlength: 300 });
  return {
    element: sectionSet(
      t('profile-form.section-fixed'),
      h('p', { class: 'hint', text: t('profile-form.fixed-intro') }),
      h(
        'div',
        { class: 'controls' },
        optionField('fixed.period', t('profile-form.fixed-period'), period, {
          hint: t('profile-form.fixed-period-hint'),
          shapes: ['long'],
        }),
        optionField('fixed.indicator', t('profile-form.fixed-indicator'), indicator, {
          hint: t('profile-form.fixed-indicator-hint'),
          shapes: ['long', 'wide'],
        }),
      ),
    ),
    write: (draft) => {
      const fixed: { period?: string; indicator?: string } = {};
      const p = optional(period);
      const i = optional(indicator);
      if (p !== undefined && draft.shape === 'long') fixed.period = p;
      if (i !== undefined && (draft.shape === 'long' || draft.shape === 'wide')) fixed.indicator = i;
      draft.fixed = fixed;
      const problems: string[] = [];
      if (fixed.period && draft.columns?.period) problems.push(t('profile-form.fixed-twice', { role: 'period' }));
      if (fixed.indicator && (draft.columns?.indicator || draft.indicatorFrom))
        problems.push(t('profile-form.fixed-twice', { role: 'indicator' }));
      return problems;
    },
    load: (profile) => {
      period.value = profile.fixed?.period ?? '';
      indicator.value = profile.fixed?.indicator ?? '';
    },
  };
};
