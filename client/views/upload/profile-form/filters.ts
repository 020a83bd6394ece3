import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { choiceSelect, linesInput, linesOf, optionField, sectionSet, textInput } from './controls';
import { rowList } from './rows';
import type { ProfileDraft, SectionFactory } from './section';

type Filter = NonNullable<ProfileDraft['filters']>[number];
type Match = 'equals' | 'in' | 'notIn';

interface FilterRow {
  element: HTMLElement;
  column: HTMLInputElement;
  match: HTMLSelectElement;
  values: HTMLTextAreaElement;
}

/** Rows kept only when a column (a Eurostat or JSON-stat dimension) holds one value, one of several, or none of them. */
export const filtersSection: SectionFactory = (form) => {
  const list = rowList<FilterRow>({
    legend: (n) => t('profile-form.filter-n', { n }),
    addLabel: t('profile-form.add-filter'),
    removeLabel: (n) => t('profile-form.remove-filter', { n }),
    changed: form.changed,
    make: () => {
      const column = textInput({ list: form.columnList, maxlength: 200 });
      const match = choiceSelect([
        ['equals', t('profile-form.filter-equals')],
        ['in', t('profile-form.filter-in')],
        ['notIn', t('profile-form.filter-not-in')],
      ]);
      const values = linesInput(2);
      for (const control of [column, match, values]) control.addEventListener('change', form.changed);
      const element = h(
        'div',
        { class: 'controls' },
        optionField('filters[].column', t('profile-form.filter-column'), column),
        optionField('filters[].match', t('profile-form.filter-match'), match),
        optionField('filters[].equals filters[].in filters[].notIn', t('profile-form.filter-values'), values, {
          hint: t('profile-form.filter-values-hint'),
        }),
      );
      return { element, column, match, values };
    },
  });
  return {
    element: sectionSet(
      t('profile-form.section-filters'),
      h('p', { class: 'hint', text: t('profile-form.filters-intro') }),
      list.element,
    ),
    write: (draft) => {
      const problems: string[] = [];
      draft.filters = list.rows().flatMap((row, i): Filter[] => {
        const column = row.column.value.trim();
        const values = linesOf(row.values.value);
        if (!column && !values.length) return [];
        const match = row.match.value as Match;
        if (!column || !values.length || (match === 'equals' && values.length > 1)) {
          problems.push(t('profile-form.filter-incomplete', { n: i + 1 }));
          return [];
        }
        return [match === 'equals' ? { column, equals: values[0]! } : { column, [match]: values }];
      });
      return problems;
    },
    load: (profile) =>
      list.reset(singleConditions(profile.filters ?? []), (row, filter: Filter) => {
        row.column.value = filter.column;
        const match: Match = filter.equals !== undefined ? 'equals' : filter.in !== undefined ? 'in' : 'notIn';
        row.match.value = match;
        row.values.value = (match === 'equals' ? [filter.equals!] : (filter[match] ?? [])).join('\n');
      }),
  };
};

/** A filter with several conditions is the same as one filter per condition (a row must pass all). */
function singleConditions(filters: Filter[]): Filter[] {
  return filters.flatMap((f) => [
    ...(f.equals !== undefined ? [{ column: f.column, equals: f.equals }] : []),
    ...(f.in !== undefined ? [{ column: f.column, in: f.in }] : []),
    ...(f.notIn !== undefined ? [{ column: f.column, notIn: f.notIn }] : []),
  ]);
}
