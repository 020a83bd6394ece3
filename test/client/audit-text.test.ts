import { describe, expect, it } from 'vitest';
import {
  auditFilters,
  auditQuery,
  dateRangeProblem,
  detailPairs,
  detailValueText,
  pageCount,
  pagingText,
  viaText,
} from '../../client/views/audit/state';

describe('audit log texts', () => {
  it('takes the audit filters from the facets, dropping blanks, other facets and unknown outcomes', () => {
    expect(
      auditFilters({ action: ' session.* ', actor: '', sort: 'title', outcome: 'denied', rating: 'effective' }),
    ).toEqual({ action: 'session.*', outcome: 'denied' });
    expect(auditFilters({ outcome: 'maybe', target: 'user/*' })).toEqual({ target: 'user/*' });
  });

  it('asks the API for 50 entries a page', () => {
    expect(auditQuery({ action: 'user.*' }, 1)).toEqual({ action: 'user.*', limit: 50, offset: 0 });
    expect(auditQuery({}, 3)).toEqual({ limit: 50, offset: 100 });
  });

  it('accepts a range of whole days, one day included, and names the bad end of a bad range', () => {
    expect(dateRangeProblem({})).toBeNull();
    expect(dateRangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(dateRangeProblem({ from: '2026-11-22', to: '2026-11-22' })).toBeNull();
    expect(dateRangeProblem({ from: '2026-11-30', to: '2026-11-01' })).toEqual({
      field: 'from',
      message: '"From" (2026-11-30) is after "To" (2026-11-01). Choose a first day on or before the last day.',
    });
    expect(dateRangeProblem({ to: '2026-02-30' })).toMatchObject({
      field: 'to',
      message: expect.stringContaining('"To" is not a date: "2026-02-30"'),
    });
    expect(dateRangeProblem({ from: 'last week' })).toMatchObject({ field: 'from' });
  });

  it('says which entries a page shows, and when a page is past the end', () => {
    expect(pagingText(2, 50, 812)).toBe('Showing 51–100 of 812');
    expect(pagingText(17, 12, 812)).toBe('Showing 801–812 of 812');
    expect(pagingText(1, 1, 1)).toBe('Showing 1 of 1');
    expect(pagingText(20, 0, 812)).toBe('Page 20 is past the end: the 812 matching entries fill 17 pages.');
    expect(pagingText(2, 0, 3)).toBe('Page 2 is past the end: the 3 matching entries fill 1 page.');
    expect([pageCount(0), pageCount(50), pageCount(51)]).toEqual([1, 1, 2]);
  });

  it("writes an entry's detail as key and value texts, in the recorded order", () => {
    expect(detailPairs(null)).toEqual([]);
    expect(detailPairs({ route: 'POST /api/users', status: 403, code: 'forbidden' })).toEqual([
      ['route', 'POST /api/users'],
      ['status', '403'],
      ['code', 'forbidden'],
    ]);
    expect(detailPairs({ from: ['NL'], to: ['NL', 'BE'], lockedUntil: '2026-11-22T18:57:03.120Z' })).toEqual([
      ['from', 'NL'],
      ['to', 'NL, BE'],
      ['lockedUntil', '22 Nov 2026, 18:57 UTC'],
    ]);
    expect(detailValueText({ a: 1 })).toBe('{"a":1}');
    expect(detailValueText([])).toBe('none');
    expect(detailValueText(null)).toBe('—');
    expect(detailValueText('<b>as text</b>')).toBe('<b>as text</b>');
  });

  it('says how an actor came', () => {
    expect(viaText('token')).toBe('API token');
    expect(viaText('anonymous')).toBe('not signed in');
    expect(viaText('carrier pigeon')).toBe('carrier pigeon');
  });
});
