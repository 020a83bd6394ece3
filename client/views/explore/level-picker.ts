import { radioGroup } from '../../components/controls';
import { t } from '../../i18n/i18n';
import type { ViewContext } from '../view-context';
import { type MapLevel, MAP_LEVELS, levelFacets } from './regions-state';

/** Countries or NUTS 1, 2, 3: a change keeps the country drilled into, if any. */
export function levelPicker(level: MapLevel, within: string | null, context: ViewContext): HTMLElement {
  return radioGroup<string>({
    legend: t('regions.level-legend'),
    name: 'map-level',
    selected: String(level),
    onChange: (value) => {
      const next = Number(value) as MapLevel;
      context.navigate({ facets: levelFacets(next, next === 0 ? null : within) });
    },
    choices: MAP_LEVELS.map((l) => ({
      value: String(l),
      label: l === 0 ? t('regions.level-0') : t('regions.level-n', { level: l }),
    })),
  });
}
