// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ProfileDefinition } from '../../server/shared/api/import-profiles';
import type { ImportProfileView as ImportProfile } from '../../server/shared/api/import-profiles';
import type { ProfileForm } from '../../client/views/upload/profile-form/form';

/**
 * Every option of the import profile schema can be set in the profile form (issue 19: a French file got
 * 2,828 errors through a UI-made profile because the form had no two-digit-year option the server had).
 * The options are read from ProfileDefinition itself, so an option added to the schema fails here, by
 * name, until a section of the form has a control for it (client/views/upload/profile-form/section.ts).
 */

interface SchemaOption {
  path: string;
  /** An enum's values: its control must offer every one. */
  values?: string[];
}

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

function unwrap(schema: Schema): Schema {
  const def = schema._zod.def;
  if (['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type))
    return unwrap(def.innerType as Schema);
  if (def.type === 'pipe') return unwrap(def.in as Schema);
  return schema;
}

/** Leaf options by path: "numberFormat.decimal", "filters[].column"; arrays of scalars are one option. */
function schemaOptions(schema: Schema, prefix = ''): SchemaOption[] {
  const shape = unwrap(schema)._zod.def.shape as Record<string, Schema>;
  return Object.entries(shape).flatMap(([key, child]) => {
    const inner = unwrap(child);
    const def = inner._zod.def;
    if (def.type === 'object') return schemaOptions(inner, `${prefix}${key}.`);
    if (def.type === 'array' && unwrap(def.element as Schema)._zod.def.type === 'object')
      return schemaOptions(def.element as Schema, `${prefix}${key}[].`);
    if (def.type === 'enum') return [{ path: `${prefix}${key}`, values: Object.values(def.entries as object) }];
    return [{ path: `${prefix}${key}` }];
  });
}

const COUNTRIES = [
  { code: 'NL', name: 'Netherlands' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
];

let profileForm: typeof import('../../client/views/upload/profile-form/form').profileForm;
beforeAll(async () => {
  ({ profileForm } = await import('../../client/views/upload/profile-form/form'));
});

function formWith(profiles: ImportProfile[] = []): ProfileForm {
  const form = profileForm({
    geo: () => 'NL',
    countries: COUNTRIES,
    indicators: [{ code: 'ICCS0101', name: 'Intentional homicide' }],
    mayShare: true,
    profiles: () => profiles,
    onSaved: () => undefined,
    problemText: String,
  });
  document.body.replaceChildren(form.element);
  return form;
}

function controlsFor(root: HTMLElement, path: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-option]')].filter((c) =>
    (c.dataset.option ?? '').split(' ').includes(path),
  );
}

describe('the import profile form', () => {
  const options = schemaOptions(ProfileDefinition as unknown as Schema);

  it('reads the schema: its options include those the form had no control for before issue 19', () => {
    const paths = options.map((o) => o.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'yearFormat',
        'numberFormat.decimal',
        'numberFormat.thousands',
        'filters[].column',
        'filters[].notIn',
        'indicators[].flags',
        'indicatorFrom',
        'keyDimensions',
        'geoCodes',
        'otherGeos',
        'fixed.period',
      ]),
    );
    expect(options.find((o) => o.path === 'encoding')?.values).toContain('utf-16be');
  });

  it('has a control for every option of ProfileDefinition, and offers every value of each enum', () => {
    const form = formWith();
    for (const label of ['Add a filter', 'Add a mapping'])
      [...form.element.querySelectorAll('button')].find((b) => b.textContent === label)!.click();
    const problems: string[] = [];
    for (const option of options) {
      const controls = controlsFor(form.element, option.path);
      if (!controls.length) {
        problems.push(
          `The profile option "${option.path}" has no control in the profile form: add one with ` +
            `data-option="${option.path}" to a section listed in client/views/upload/profile-form/sections.ts.`,
        );
        continue;
      }
      for (const control of controls)
        if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(control.tagName))
          problems.push(`The control of "${option.path}" is a <${control.tagName.toLowerCase()}>, not a form control.`);
      if (!option.values) continue;
      const offered = controls.flatMap((c) =>
        c instanceof HTMLSelectElement ? [...c.options].map((o) => o.value) : [],
      );
      const missing = option.values.filter((v) => !offered.includes(v));
      if (missing.length)
        problems.push(
          `The control of "${option.path}" does not offer ${missing.map((v) => JSON.stringify(v)).join(', ')}.`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('every control has a label, and every option a control inside a section with a legend', () => {
    const form = formWith();
    for (const control of form.element.querySelectorAll<HTMLElement>('[data-option]')) {
      const label = form.element.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent?.trim(), control.dataset.option).toBeTruthy();
      expect(control.closest('fieldset')?.querySelector('legend')?.textContent, control.dataset.option).toBeTruthy();
    }
  });
});

/** Profiles that set every option between them (one shape at a time), beside the shipped ones. */
const SET_EVERYTHING = [
  {
    name: 'nl-all-long',
    description: 'Every option of a long file',
    geo: 'NL',
    shape: 'long',
    encoding: 'utf-16be',
    delimiter: '|',
    columns: { geo: 'Regio', period: 'Jaar', value: 'Aantal', flags: 'Status', note: 'Opmerking' },
    indicatorFrom: ['Soort', 'Onderdeel'],
    geoCodes: 'iso2',
    otherGeos: 'skip',
    numberFormat: { decimal: ',', thousands: ' ' },
    yearFormat: 'yy',
    filters: [
      { column: 'Regio', equals: 'Nederland' },
      { column: 'Soort', in: ['Moord', 'Doodslag'] },
      { column: 'Status', notIn: ['x', 'voorlopig, niet gecontroleerd'] },
    ],
    indicators: [
      { code: 'Moord | Totaal', indicator: 'ICCS0101', comparability: 'Includes attempts', flags: 'd' },
      { code: 'Doodslag | Totaal', indicator: 'ICCS0101', comparability: 'CBS definition', flags: '' },
    ],
    fixed: {},
  },
  {
    name: 'fr-one-year',
    geo: 'FR',
    shape: 'long',
    encoding: 'windows-1252',
    delimiter: ';',
    columns: { value: 'faits' },
    fixed: { period: '2019', indicator: 'Homicides' },
    numberFormat: { decimal: '.', thousands: "'" },
    indicators: [{ code: 'Homicides', indicator: 'ICCS0101', comparability: 'Ministry homicides' }],
  },
  {
    name: 'de-wide-one-offence',
    geo: 'DE',
    shape: 'wide',
    columns: { geo: 'Land' },
    fixed: { indicator: 'Mord' },
    indicators: [{ code: 'Mord', indicator: 'ICCS0101', comparability: 'StGB 211', flags: 'd' }],
  },
];

describe('a profile loaded into the form is saved back as it was', () => {
  const shipped = readdirSync('data/profiles')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`data/profiles/${f}`, 'utf8')));
  const all = [...shipped, ...SET_EVERYTHING].map((p) => ProfileDefinition.parse(p));

  for (const profile of all)
    it(profile.name, () => {
      const views = all.map((p) => ({ ...p, builtIn: false, createdBy: 'cp', updatedAt: null }));
      const form = formWith(views);
      const start = form.element.querySelector<HTMLSelectElement>('form > .field select')!;
      start.value = profile.name;
      start.dispatchEvent(new Event('change'));
      const { profile: drafted, problems } = form.draft();
      expect(problems).toEqual([]);
      expect(ProfileDefinition.parse(drafted)).toEqual(profile);
    });
});
