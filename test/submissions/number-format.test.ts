import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberFormat, readNumber, readPlainNumber } from '../../server/submissions/read/number-format';

const FORMATS: (NumberFormat | undefined)[] = [
  undefined,
  { decimal: '.', thousands: '' },
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: '.' },
  { decimal: '.', thousands: ' ' },
  { decimal: ',', thousands: '' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: ',', thousands: "'" },
];

const numberLike = fc.oneof(
  fc.stringMatching(/^[-+]?[0-9.,' eE]{0,24}$/),
  fc.stringMatching(/^-?[0-9]{0,20}(\.[0-9]{0,6})?$/),
);

describe('the plain-number fast path', () => {
  it('reads every text it accepts exactly as readNumber does, in every format', () => {
    fc.assert(
      fc.property(numberLike, fc.constantFrom(...FORMATS), (text, format) => {
        const fast = readPlainNumber(text, format);
        if (fast === undefined) return;
        const reading = readNumber(text, format);
        expect(reading.ok).toBe(true);
        expect(Object.is(fast, reading.ok && reading.value)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the plain forms a canonical file holds', () => {
    expect(readPlainNumber('1234', undefined)).toBe(1234);
    expect(readPlainNumber('-12.75', undefined)).toBe(-12.75);
    expect(Object.is(readPlainNumber('-0', undefined), -0)).toBe(true);
    expect(readPlainNumber('007', { decimal: ',', thousands: '.' })).toBe(7);
    expect(readPlainNumber('99999999999999999999', undefined)).toBe(1e20);
    expect(readPlainNumber('123456789012345678', undefined)).toBe(Number('123456789012345678'));
  });

  it('leaves everything else to readNumber', () => {
    for (const text of ['', '-', '.5', '5.', '1e5', ' 12', '12 ', '+1', '1,234', '1.2.3', '--1', '١٢', '0x10']) {
      expect(readPlainNumber(text, undefined), text).toBeUndefined();
    }
    expect(readPlainNumber('1.5', { decimal: ',', thousands: '' })).toBeUndefined();
    expect(readPlainNumber('1.234', { decimal: '.', thousands: '.' })).toBeUndefined();
  });
});
