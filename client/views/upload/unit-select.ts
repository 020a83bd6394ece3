import type { ImportProfileDefinition } from '../../api/types';
import { h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';

type Mapping = ImportProfileDefinition['indicators'][number];
type MappingInput = Omit<Mapping, 'flags'> & { flags?: string };

/** The units a mapped column may hold (server/shared/api/import-profiles.ts MAPPING_UNITS), '' for the indicator's own. */
const UNITS = ['', 'count', 'rate_per_1000', 'rate_per_100k', 'percent'] as const;

/**
 * The profile form's "the value column holds" select: one unit for the profile's mappings, or none
 * (each indicator's own). The server refuses a unit its indicator cannot take, row by row.
 */
export function mappingUnitField(): { element: HTMLElement; apply: <M extends MappingInput>(mappings: M[]) => M[] } {
  const id = uniqueId('mapping-unit');
  const select = h(
    'select',
    { id },
    ...UNITS.map((unit) => h('option', { value: unit, text: t(`upload-checks.unit.${unit || 'own'}`) })),
  );
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id, text: t('upload-checks.unit-label') }),
    select,
    h('span', { class: 'hint', text: t('upload-checks.unit-hint') }),
  );
  const apply = <M extends MappingInput>(mappings: M[]): M[] => {
    const unit = select.value as (typeof UNITS)[number];
    return unit ? mappings.map((m) => ({ ...m, unit })) : mappings;
  };
  return { element, apply };
}
