import { radioGroup, selectField } from '../../components/controls';
import { h } from '../../components/dom';
import { currentLocale, t } from '../../i18n/i18n';
import type { ViewContext } from '../view-context';
import { MAP_LEVELS, type MapLevel } from '../explore/regions-state';
import { type CompareScope, scopeFacets } from './scope';

/**
 * What is ranked: countries, or NUTS 1, 2 or 3 regions; for regions, of which country (or of every
 * member of the reference group). A level change keeps the country chosen.
 */
export function scopeControls(
  scope: CompareScope,
  countries: { code: string; name: string }[],
  context: ViewContext,
): HTMLElement {
  const go = (next: CompareScope) => context.navigate({ facets: scopeFacets(next), geos: [] });
  const level = radioGroup<string>({
    legend: t('compare.level-legend'),
    name: 'compare-level',
    selected: String(scope.level),
    onChange: (value) => {
      const next = Number(value) as MapLevel;
      go({ level: next, within: next === 0 ? null : scope.within });
    },
    choices: MAP_LEVELS.map((l) => ({
      value: String(l),
      label: l === 0 ? t('regions.level-0') : t('regions.level-n', { level: l }),
    })),
  });
  if (scope.level === 0) return h('div', { class: 'compare-scope' }, level);
  const sorted = [...countries].sort((a, b) => a.name.localeCompare(b.name, currentLocale()));
  const group = selectField({
    label: t('compare.group-label'),
    selected: scope.within ?? '',
    onChange: (value) => go({ level: scope.level, within: value || null }),
    choices: [
      { value: '', label: t('compare.group-europe') },
      ...sorted.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    ],
  });
  return h('div', { class: 'compare-scope' }, level, group);
}
