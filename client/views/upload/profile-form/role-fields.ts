import { optional, optionField } from './controls';
import type { ProfileShape } from './section';

/** One text field of a group that sets a record of role → text in the profile (columns.geo, fixed.period). */
export interface RoleField<R extends string> {
  role: R;
  label: string;
  input: HTMLInputElement;
  hint?: string;
  /** The only shapes the field is shown for (and, unless the section says otherwise, read for). */
  shapes?: ProfileShape[];
}

export interface RoleFields<R extends string> {
  /** The fields' rows, in the given order, each naming its option `<option>.<role>`. */
  rows: HTMLElement[];
  /** The record of the roles read for the shape, each that was filled in with its text. */
  values(shape: ProfileShape, reads?: (role: R) => boolean): Partial<Record<R, string>>;
  load(values: Partial<Record<R, string>> | undefined): void;
}

/** The text fields of a profile option that maps roles to text: their rows, and the record they write and load. */
export function roleFields<R extends string>(option: string, fields: RoleField<R>[]): RoleFields<R> {
  return {
    rows: fields.map((f) => optionField(`${option}.${f.role}`, f.label, f.input, { hint: f.hint, shapes: f.shapes })),
    values: (shape, reads) => {
      const record: Partial<Record<R, string>> = {};
      for (const f of fields) {
        if (!(reads ? reads(f.role) : (f.shapes?.includes(shape) ?? true))) continue;
        const value = optional(f.input);
        if (value !== undefined) record[f.role] = value;
      }
      return record;
    },
    load: (values) => {
      for (const f of fields) f.input.value = values?.[f.role] ?? '';
    },
  };
}
