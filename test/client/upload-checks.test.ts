import { describe, expect, it } from 'vitest';
import type { SubmissionPreview } from '../../client/api/types';
import { useLocale } from '../../client/i18n/i18n';
import { commitBlocker, leftOutCounts } from '../../client/views/upload/left-out';
import { confirmValue } from '../../client/views/upload/confirm';

/** The answer to the World Bank population file read with a homicide profile (test/units/units.test.ts). */
const noCells: Pick<SubmissionPreview, 'status' | 'report' | 'rowsRead' | 'cellsValid' | 'reading'> = {
  status: 'rejected',
  rowsRead: 266,
  cellsValid: 0,
  report: { valid: false, errorCount: 1, warningCount: 11, entries: [], omitted: {} },
  reading: {
    format: 'worldbank',
    profile: 'fr-worldbank-homicide',
    profileReason: null,
    encoding: 'utf-8',
    delimiter: '","',
    skipped: { filtered: 0, unmapped: 1, otherGeo: 265, missing: 0 },
  },
};

describe('rows left out and why Commit is disabled', () => {
  it("lists only the reasons that left rows out, a roll-up's summed parts included", () => {
    expect(leftOutCounts(noCells)).toEqual([
      { reason: 'unmapped', count: 1 },
      { reason: 'otherGeo', count: 265 },
    ]);
    const summed = { reading: { ...noCells.reading, skipped: { ...noCells.reading.skipped, summed: 96 } } };
    expect(leftOutCounts(summed).at(-1)).toEqual({ reason: 'summed', count: 96 });
  });

  it('says a file of no cell loads nothing, with its reasons, in each language', async () => {
    await useLocale('en');
    expect(commitBlocker(noCells)).toBe(
      "Commit is disabled: the file loads no cell. 266 rows read; left out: 1 row with a national code the import profile does not map; 265 rows for another geo (another country's rows).",
    );
    await useLocale('fr');
    expect(commitBlocker(noCells)).toContain('ne charge aucune cellule. 266 lignes lues');
    await useLocale('en');
    expect(commitBlocker({ ...noCells, status: 'validated', cellsValid: 3 })).toBeNull();
  });

  it('confirms the listed cells by key, or all when more were counted than listed', () => {
    const cell = {
      geo: 'FR',
      indicator: 'ICCS0101',
      period: '2008',
      published: 975,
      value: 2100,
      change: 115.4,
      threshold: 100,
    };
    expect(confirmValue({ count: 1, cells: [cell] })).toEqual(['ICCS0101/FR/2008']);
    expect(confirmValue({ count: 250, cells: [cell] })).toBe(true);
  });
});
