import { basicsSection } from './basics';
import { columnsSection } from './columns';
import { filtersSection } from './filters';
import { fixedSection } from './fixed';
import { mappingsSection } from './mappings';
import { readingSection } from './reading';
import type { MappingField, SectionFactory } from './section';
import { mappingUnitField } from './unit-field';
import { correspondenceSection, mappingWholeField } from './correspondence';

/**
 * Controls each indicator mapping row gets besides code, indicator, comparability and flags. To add
 * one (e.g. the unit the column holds): import its MappingField and list it here (see section.ts).
 */
export const MAPPING_FIELDS: MappingField[] = [mappingUnitField, mappingWholeField];

/**
 * The profile form's sections, in order: each writes its options into the draft after those above it.
 * To plug in a section of your own (geo by name, a correspondence, roll-up ...): export a SectionFactory
 * from your module (see section.ts), import it here and add it to this list. The form builds it, loads
 * profiles into it, saves and previews what it writes; test/client/profile-form-coverage.test.ts checks
 * that every option of ProfileDefinition has a control in some section.
 */
export const PROFILE_FORM_SECTIONS: SectionFactory[] = [
  basicsSection,
  readingSection,
  columnsSection,
  fixedSection,
  filtersSection,
  correspondenceSection,
  mappingsSection(MAPPING_FIELDS),
];
