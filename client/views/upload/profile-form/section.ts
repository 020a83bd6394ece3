import type { z } from 'zod';
import type { ImportProfileDefinition } from '../../../api/types';

/** A profile as the form drafts it: the save route's input, before the server fills in defaults. */
export type ProfileDraft = z.input<typeof ImportProfileDefinition>;
export type ProfileShape = ProfileDraft['shape'];

/** What the form hands every section. */
export interface FormContext {
  /** Call after any control changed: the preview reads the sample again (debounced). */
  changed(): void;
  /** The shape chosen in the form: sections show the controls that shape reads. */
  shape(): ProfileShape;
  setShape(shape: ProfileShape): void;
  onShape(listener: (shape: ProfileShape) => void): void;
  /** Hears the sample file's column names (header, Eurostat key dimensions or JSON-stat dimensions). */
  onColumns(listener: (columns: string[]) => void): void;
  /** The id of a datalist of the sample's column names, for column inputs to suggest them. */
  columnList: string;
  /** The id of a datalist of the observatory's indicator codes. */
  indicatorList: string;
  /** The upload page's country: a new profile is for it. */
  pageGeo(): string;
  /** The countries the signed-in account may make profiles for, and whether it may share one with all. */
  countries: { code: string; name: string }[];
  mayShare: boolean;
}

type Mapping = NonNullable<ProfileDraft['indicators']>[number];

/**
 * A control every indicator mapping row gets besides code, indicator, comparability and flags (e.g. the
 * unit the column holds): add one to MAPPING_FIELDS in sections.ts. `option` is its key under
 * indicators[] ("unit" → data-option "indicators[].unit").
 */
export interface MappingField {
  option: string;
  label(): string;
  control(): HTMLInputElement | HTMLSelectElement;
  write(control: HTMLInputElement | HTMLSelectElement, mapping: Mapping): void;
  load(control: HTMLInputElement | HTMLSelectElement, mapping: Mapping): void;
}

/**
 * One part of the import profile form: a fieldset of controls for some of the profile's options.
 *
 * How to plug a section in (e.g. geo by name, a correspondence, roll-up): write a module that exports a
 * SectionFactory, import it in sections.ts and add it to PROFILE_FORM_SECTIONS. The form then builds
 * it, loads a profile into it, asks it to write its options into the draft (for saving and for the
 * preview), and previews again when it calls `form.changed()`.
 *
 * Every control carries `data-option="<path>"` (space-separated when it sets several) naming the schema
 * option it sets: "numberFormat.decimal", "filters[].column". test/client/profile-form-coverage.test.ts
 * walks ProfileDefinition and fails, naming the option, for any option no control names; for an enum
 * it also checks that the select (or radio group) offers every value.
 */
export interface ProfileFormSection {
  element: HTMLElement;
  /** Writes this section's options into the draft; answers problems to show (then nothing is saved). */
  write(draft: ProfileDraft): string[];
  /** Shows a saved profile's options (editing one, or starting from a copy). */
  load(profile: ProfileDraft): void;
}

export type SectionFactory = (form: FormContext) => ProfileFormSection;
