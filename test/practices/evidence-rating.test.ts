import { describe, expect, it } from 'vitest';
import { assessEvidence, deriveRating, reviewDate } from '../../server/practices/evidence-rating';
import { mapExternalRating } from '../../server/shared/external-rating';
import type { EucpnCriteria, Evaluation } from '../../server/shared/api/practice-record';

const evaluation = (over: Partial<Evaluation>): Evaluation => ({
  design: 'randomised_trial',
  sms: 5,
  geos: ['NL'],
  year: 2016,
  sample: 'pupils',
  outcomes: ['bullying'],
  direction: 'positive',
  independent: true,
  findings: null,
  reference: 'Author, A. (2016). A trial. Journal.',
  url: null,
  doi: '10.1000/x',
  ...over,
});

const criteria = (met: boolean): EucpnCriteria => {
  const c = { met, justification: 'stated' };
  return { problem: c, mechanism: c, evidence: c, replicability: c };
};

const rate = (evaluations: Evaluation[], allMet = false) => deriveRating(evaluations, criteria(allMet)).rating;
const ctx = {
  euMembers: new Set(['NL', 'DE', 'FI']),
  formerEuMembers: new Set(['UK', 'UKC-L']),
  today: '2026-11-22',
  recordedAt: '2026-01-15T10:00:00.000Z',
};

describe('the evidence rating rule', () => {
  it('rates two positive SMS ≥ 4 evaluations, one independent, none negative, as Effective', () => {
    expect(rate([evaluation({ sms: 4, independent: true }), evaluation({ sms: 4, independent: false })])).toBe(
      'effective',
    );
  });

  it('requires independence for Effective: two developer-run SMS-5 trials are only Promising', () => {
    const result = deriveRating(
      [evaluation({ independent: false }), evaluation({ independent: null })],
      criteria(true),
    );
    expect(result.rating).toBe('promising');
    expect(result.reasons.join(' ')).toMatch(/No independent evaluation at SMS 4 or 5/);
  });

  it('rates one positive SMS-4 evaluation as Promising, and says so with geo and year', () => {
    const result = deriveRating([evaluation({ sms: 4, geos: ['NL'], year: 2016 })], criteria(false));
    expect(result.rating).toBe('promising');
    expect(result.reasons[0]).toContain('SMS-4 evaluation (Netherlands, 2016)');
    expect(result.reasons[1]).toMatch(/second positive evaluation/);
  });

  it('needs two positive SMS-3 evaluations for Promising; one is not enough', () => {
    expect(rate([evaluation({ sms: 3 }), evaluation({ sms: 3 })])).toBe('promising');
    expect(rate([evaluation({ sms: 3 })])).toBe('inconclusive');
    expect(rate([evaluation({ sms: 3 })], true)).toBe('theory_based');
  });

  it('counts a systematic review as two evaluations at its SMS level', () => {
    expect(rate([evaluation({ design: 'systematic_review', sms: 3 })])).toBe('promising');
    expect(rate([evaluation({ design: 'systematic_review', sms: 5, independent: true })])).toBe('effective');
  });

  it('lets one negative robust evaluation override any number of positive ones', () => {
    const positives = [evaluation({}), evaluation({}), evaluation({ sms: 4 })];
    const result = deriveRating([...positives, evaluation({ sms: 3, direction: 'negative' })], criteria(true));
    expect(result.rating).toBe('harmful');
    expect(result.reasons[0]).toMatch(/overrides three positive findings|overrides 3 positive findings/);
  });

  it('ignores a negative result from a weak design (SMS 2) for Harmful', () => {
    expect(rate([evaluation({ sms: 2, direction: 'negative' })])).toBe('inconclusive');
  });

  it('rates robust null results with nothing positive as No effect, and null against positive as Inconclusive', () => {
    expect(rate([evaluation({ direction: 'none' }), evaluation({ sms: 3, direction: 'none' })])).toBe('no_effect');
    expect(rate([evaluation({ direction: 'none' }), evaluation({ direction: 'positive' })])).toBe('inconclusive');
    expect(rate([evaluation({ direction: 'mixed' })])).toBe('inconclusive');
  });

  it('rates a practice without outcome evaluations by the EUCPN criteria', () => {
    const process = evaluation({ design: 'process_qualitative', sms: null, direction: null });
    expect(rate([process], true)).toBe('theory_based');
    expect(rate([process], false)).toBe('not_rated');
    expect(rate([evaluation({ sms: 2 })], false)).toBe('inconclusive');
  });
});

describe('review date, European evidence and overrides', () => {
  it('sets the review date five years after the last evaluation year and flags it when passed', () => {
    expect(reviewDate([evaluation({ year: 2016 }), evaluation({ year: 2019 })], ctx.recordedAt)).toBe('2024-12-31');
    const old = assessEvidence(
      {
        evaluations: [evaluation({ year: 2021 })],
        criteria: criteria(true),
        externalRatings: [],
        ratingOverride: null,
      },
      ctx,
    );
    expect(old).toMatchObject({ reviewDate: '2026-12-31', dueForReview: false });
    const due = assessEvidence(
      {
        evaluations: [evaluation({ year: 2021 })],
        criteria: criteria(true),
        externalRatings: [],
        ratingOverride: null,
      },
      { ...ctx, today: '2027-01-01' },
    );
    expect(due.dueForReview).toBe(true);
  });

  it('dates the review from when the practice was recorded when there is no evaluation', () => {
    expect(reviewDate([], '2026-01-15T10:00:00.000Z')).toBe('2031-01-15');
  });

  it('marks European evidence for EU member states, and for the UK only up to 2019', () => {
    const assess = (e: Evaluation) =>
      assessEvidence({ evaluations: [e], criteria: criteria(true), externalRatings: [], ratingOverride: null }, ctx)
        .europeanEvidence;
    expect(assess(evaluation({ geos: ['US'] }))).toBe(false);
    expect(assess(evaluation({ geos: ['US', 'FI'] }))).toBe(true);
    expect(assess(evaluation({ geos: ['UKC-L'], year: 2019 }))).toBe(true);
    expect(assess(evaluation({ geos: ['UKC-L'], year: 2020 }))).toBe(false);
    expect(assess(evaluation({ geos: ['NL'], design: 'process_qualitative', sms: null, direction: null }))).toBe(false);
  });

  it('shows a curator override with its justification beside the derived rating', () => {
    const override = {
      rating: 'promising' as const,
      justification: 'A large trial is under way and interim results are positive.',
      by: 'c@eucpn.eu',
      at: '2026-11-01',
    };
    const a = assessEvidence(
      { evaluations: [], criteria: criteria(false), externalRatings: [], ratingOverride: override },
      ctx,
    );
    expect(a).toMatchObject({ rating: 'promising', derivedRating: 'not_rated' });
    expect(a.reasons[0]).toContain(override.justification);
  });

  it('maps external registry levels onto the scale', () => {
    expect(mapExternalRating('crimesolutions', 'negative_effects').maps).toBe('harmful');
    expect(mapExternalRating('blueprints', 'model_plus').maps).toBe('effective');
    expect(mapExternalRating('dutch_recognition', 'well_founded').maps).toBe('theory_based');
    expect(() => mapExternalRating('blueprints', 'effective')).toThrow();
  });
});
