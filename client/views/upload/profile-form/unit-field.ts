import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import type { MappingField } from './section';

/** The units a mapped column may hold (server/shared/api/import-profiles.ts MAPPING_UNITS), '' for the indicator's own. */
const UNITS = ['', 'count', 'rate_per_1000', 'rate_per_100k', 'percent'] as const;
type MappingUnit = Exclude<(typeof UNITS)[number], ''>;

/**
 * Each mapping row's "the value column holds" select: a unit, or none (the indicator's own). The server
 * refuses a unit its indicator cannot take, row by row (a rate mapped onto a count indicator).
 */
export const mappingUnitField: MappingField = {
  option: 'unit',
  label: () => t('upload-checks.unit-label'),
  control: () =>
    h(
      'select',
      {},
      ...UNITS.map((unit) => h('option', { value: unit, text: t(`upload-checks.unit.${unit || 'own'}`) })),
    ),
  write(control, mapping) {
    if (control.value) mapping.unit = control.value as MappingUnit;
    else delete mapping.unit;
  },
  load(control, mapping) {
    control.value = mapping.unit ?? '';
  },
};
