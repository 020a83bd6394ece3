import { describe, expect, it } from 'vitest';
import { useLocale } from '../../client/i18n/i18n';
import { viewsFor } from '../../client/api/session';
import {
  accessProblem,
  parseGeoList,
  signInProblem,
  submissionStatusText,
  timeText,
  waitText,
} from '../../client/views/account-text';

describe('account texts', () => {
  it('explains a wrong password without saying whether the account exists or is disabled', () => {
    const text = signInProblem({ status: 401, message: 'The email address or password is wrong.' });
    expect(text).toContain('The email address or password is wrong.');
    expect(text).toContain('A disabled account is refused the same way');
  });

  it("turns a lockout into a wait in words from the answer's retryAfterSeconds", () => {
    const body = {
      error: { status: 429, code: 'too-many-attempts', message: 'Locked.', details: { retryAfterSeconds: 899 } },
    };
    expect(signInProblem({ status: 429, message: 'Locked.', body })).toBe(
      'Locked. Try again in 15 minutes. To regain access sooner, ask the secretariat for a password link.',
    );
    expect(signInProblem({ status: 429, message: 'Slow down.' })).toBe(
      'Slow down. To regain access sooner, ask the secretariat for a password link.',
    );
    expect(waitText(1)).toBe('1 second');
    expect(waitText(40.2)).toBe('41 seconds');
    expect(waitText(61)).toBe('2 minutes');
    expect(waitText(60)).toBe('1 minute');
  });

  it('tells a missing session from a missing right', () => {
    expect(accessProblem({ status: 401, message: 'x' })).toMatch(/not signed in, or your session has ended/);
    expect(accessProblem({ status: 403, message: 'NL only.' })).toBe('Your account may not do this: NL only.');
    expect(accessProblem({ status: 409, message: 'Already committed.' })).toBe('Already committed.');
  });

  it('reads geo lists in any case and separator, and names what is not a code', () => {
    expect(parseGeoList('nl, be;LU  nl')).toEqual({ geos: ['NL', 'BE', 'LU'], problems: [] });
    expect(parseGeoList('NL, Nether-lands')).toEqual({ geos: ['NL'], problems: ['NETHER-LANDS'] });
    expect(parseGeoList('  ')).toEqual({ geos: [], problems: [] });
  });

  it('names submission states in words, including the approval states, and prints UTC times', () => {
    expect(submissionStatusText('approval-rejected')).toBe('Rejected by the secretariat');
    expect(submissionStatusText('awaiting-approval')).toBe("Awaiting the secretariat's approval");
    expect(submissionStatusText('something-new')).toBe('something-new');
    expect(timeText('2026-11-22T18:57:03.123Z')).toBe('22 Nov 2026, 18:57 UTC');
    expect(timeText(null)).toBe('—');
  });

  it('offers each role only its own account views', () => {
    expect(viewsFor(null)).toEqual([]);
    expect(viewsFor('contact_point')).toEqual(['my-country', 'upload', 'labels']);
    expect(viewsFor('curator')).toEqual(['review']);
    expect(viewsFor('secretariat')).toEqual(
      expect.arrayContaining(['users', 'approvals', 'review', 'my-country', 'upload', 'audit']),
    );
  });
});

describe('account texts in other languages', () => {
  it('counts the wait with CLDR plurals: French treats 0 and 1 as singular', async () => {
    await useLocale('fr');
    expect(waitText(1)).toBe('1 seconde');
    expect(waitText(61)).toBe('2 minutes');
    await useLocale('de');
    expect(waitText(60)).toBe('1 Minute');
    expect(accessProblem({ status: 403, message: 'NL.' })).toBe('Ihr Konto darf dies nicht tun: NL.');
    expect(timeText('2026-11-22T18:57:03.123Z')).toBe('22.11.2026, 18:57 UTC');
    await useLocale('nl');
    expect(submissionStatusText('withdrawn')).toBe('Ingetrokken');
    await useLocale('en');
  });
});

describe('the upload outcome', () => {
  it('says a re-upload returned the earlier submission instead of pointing a submission at itself', async () => {
    const { uploadOutcomeText } = await import('../../client/views/upload/state');
    const text = uploadOutcomeText({ submissionId: 148, status: 'validated', duplicateOf: 148 });
    expect(text).toBe(
      'This file was already uploaded as submission 148 (Validated: ready to commit or withdraw); nothing new was stored. Its report is shown below.',
    );
    expect(text.match(/148/g)).toHaveLength(1);
    expect(uploadOutcomeText({ submissionId: 149, status: 'rejected', duplicateOf: null })).toBe(
      'Submission 149: Rejected by validation: fix the errors and upload again.',
    );
  });
});
