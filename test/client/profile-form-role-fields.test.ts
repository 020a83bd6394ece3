// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textInput } from '../../client/views/upload/profile-form/controls';
import { roleFields } from '../../client/views/upload/profile-form/role-fields';

function fields() {
  return roleFields('fixed', [
    { role: 'period', label: 'Year', input: textInput({}), hint: 'One year', shapes: ['long'] },
    { role: 'indicator', label: 'Offence', input: textInput({}), shapes: ['long', 'wide'] },
  ]);
}

describe('the profile form’s role fields (columns, fixed values)', () => {
  it('name their option per role, and show each only for its shapes', () => {
    const { rows } = fields();
    expect(rows.map((row) => row.querySelector('input')!.dataset.option)).toEqual(['fixed.period', 'fixed.indicator']);
    expect(rows.map((row) => row.dataset.shapes)).toEqual(['long', 'long wide']);
    expect(rows[0]!.querySelector('.hint')!.textContent).toBe('One year');
  });

  it('write the filled-in roles the shape reads, and load a record back', () => {
    const group = fields();
    group.load({ period: ' 2021 ', indicator: 'Mord' });
    expect(group.values('long')).toEqual({ period: '2021', indicator: 'Mord' });
    expect(group.values('wide')).toEqual({ indicator: 'Mord' });
    expect(group.values('long', (role) => role === 'period')).toEqual({ period: '2021' });
    group.load(undefined);
    expect(group.values('long')).toEqual({});
  });
});
