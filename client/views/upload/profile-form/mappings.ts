import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { optionField, textInput } from './controls';
import { rowList } from './rows';
import type { MappingField, ProfileDraft, SectionFactory } from './section';
import { sectionSet } from './controls';

type Mapping = NonNullable<ProfileDraft['indicators']>[number];
type Control = HTMLInputElement | HTMLSelectElement;

interface MappingRow {
  element: HTMLElement;
  code: HTMLInputElement;
  indicator: HTMLInputElement;
  comparability: HTMLInputElement;
  flags: HTMLInputElement;
  extra: [MappingField, Control][];
}

/**
 * National codes → observatory indicators, each with its comparability note (required: what makes the
 * national figure differ) and flags added to its cells. `extraFields` are the rows' plugged-in controls.
 */
export function mappingsSection(extraFields: MappingField[]): SectionFactory {
  return (form) => {
    const list = rowList<MappingRow>({
      legend: (n) => t('profile-form.mapping-n', { n }),
      addLabel: t('profile-form.add-mapping'),
      removeLabel: (n) => t('profile-form.remove-mapping', { n }),
      changed: form.changed,
      make: () => {
        const code = textInput({ maxlength: 300 });
        const indicator = textInput({ maxlength: 32, list: form.indicatorList });
        const comparability = textInput({ maxlength: 2000 });
        const flags = textInput({ maxlength: 16, size: 4 });
        const extra = extraFields.map((f): [MappingField, Control] => [f, f.control()]);
        for (const control of [code, indicator, comparability, flags, ...extra.map(([, c]) => c)])
          control.addEventListener('change', form.changed);
        const element = h(
          'div',
          { class: 'controls' },
          optionField('indicators[].code', t('profile-form.mapping-code'), code),
          optionField('indicators[].indicator', t('profile-form.mapping-indicator'), indicator),
          optionField('indicators[].comparability', t('profile-form.mapping-comparability'), comparability, {
            hint: t('profile-form.mapping-comparability-hint'),
          }),
          optionField('indicators[].flags', t('profile-form.mapping-flags'), flags, {
            hint: t('profile-form.mapping-flags-hint'),
          }),
          ...extra.map(([f, c]) => optionField(`indicators[].${f.option}`, f.label(), c)),
        );
        return { element, code, indicator, comparability, flags, extra };
      },
    });
    return {
      element: sectionSet(
        t('profile-form.section-mappings'),
        h('p', { class: 'hint', text: t('profile-form.mappings-intro') }),
        list.element,
      ),
      write: (draft) => {
        const problems: string[] = [];
        draft.indicators = list.rows().flatMap((row, i): Mapping[] => {
          const code = row.code.value.trim();
          const indicator = row.indicator.value.trim().toUpperCase();
          const comparability = row.comparability.value.trim();
          if (!code && !indicator && !comparability) return [];
          if (!code || !indicator || comparability.length < 3) {
            problems.push(t('profile-form.mapping-incomplete', { n: i + 1 }));
            return [];
          }
          const mapping: Mapping = { code, indicator, comparability, flags: row.flags.value.trim() };
          for (const [field, control] of row.extra) field.write(control, mapping);
          return [mapping];
        });
        return problems;
      },
      load: (profile) =>
        list.reset(profile.indicators ?? [], (row, mapping: Mapping) => {
          row.code.value = mapping.code;
          row.indicator.value = mapping.indicator;
          row.comparability.value = mapping.comparability;
          row.flags.value = mapping.flags ?? '';
          for (const [field, control] of row.extra) field.load(control, mapping);
        }),
    };
  };
}
