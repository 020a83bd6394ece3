import { EXTERNAL_RATING_SCALES, type ExternalSource, mapExternalRating } from '../shared/external-rating';
import type { EucpnCriteria, Evaluation, ExternalRating, RatingOverride } from '../shared/api/practice-record';
import type { EvidenceAssessment, ExternalRatingView } from '../shared/api/practices';
import type { EvidenceRating } from '../shared/practice-vocabulary';

/**
 * The observatory's evidence rating, derived from the recorded evaluations by the rule documented in
 * README.md ("Practice catalogue and evidence rating"). Pure: the same record and day give the same
 * answer. Only outcome evaluations (every design but process/qualitative) count; robust means SMS ≥ 3,
 * strong SMS ≥ 4; a systematic review or meta-analysis pools several studies and counts twice.
 */

export const REVIEW_AFTER_YEARS = 5;
/** The UK left the EU on 31 January 2020. */
export const LAST_UK_MEMBER_YEAR = 2019;

export type { EvidenceAssessment, ExternalRatingView } from '../shared/api/practices';

export interface RatingContext {
  /** Geos of the current EU member states (the EU27_2020 group). */
  euMembers: ReadonlySet<string>;
  /** Geos that were members until 2020 (EU28 but not EU27_2020: the UK and its jurisdictions). */
  formerEuMembers: ReadonlySet<string>;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** When the practice was first recorded (ISO); dates the review when there is no evaluation. */
  recordedAt: string;
}

export interface RatedRecord {
  evaluations: Evaluation[];
  criteria: EucpnCriteria;
  externalRatings: ExternalRating[];
  ratingOverride: RatingOverride | null;
}

type Outcome = Evaluation & { sms: number; direction: NonNullable<Evaluation['direction']> };

const weight = (e: Evaluation) => (e.design === 'systematic_review' ? 2 : 1);
const total = (list: Evaluation[]) => list.reduce((n, e) => n + weight(e), 0);

export function describeEvaluation(e: Evaluation): string {
  const kind = e.design === 'systematic_review' ? 'review' : 'evaluation';
  const level = e.sms === null ? kind : `SMS-${e.sms} ${kind}`;
  return `${level} (${e.geos.join(', ')}, ${e.year})`;
}

const listed = (list: Evaluation[]) => list.map(describeEvaluation).join('; ');
const count = (n: number, word: string) => `${n === 1 ? 'one' : n} ${word}${n === 1 ? '' : 's'}`;

/** Applies the rule, first match wins. Returns the rating and the reasons a reader sees. */
export function deriveRating(
  evaluations: Evaluation[],
  criteria: EucpnCriteria,
): { rating: EvidenceRating; reasons: string[] } {
  const outcomes = evaluations.filter(
    (e): e is Outcome => e.design !== 'process_qualitative' && e.sms !== null && e.direction !== null,
  );
  const robust = outcomes.filter((e) => e.sms >= 3);
  const negative = robust.filter((e) => e.direction === 'negative');
  const positive = robust.filter((e) => e.direction === 'positive');
  const against = robust.filter((e) => e.direction === 'none' || e.direction === 'mixed');
  const strongPositive = positive.filter((e) => e.sms >= 4);
  const moderatePositive = positive.filter((e) => e.sms === 3);
  const outweighs = total(positive) > total(against);

  if (negative.length) {
    const overridden = positive.length ? ` This overrides ${count(positive.length, 'positive finding')}.` : '';
    return {
      rating: 'harmful',
      reasons: [`A robust evaluation found a negative effect: ${listed(negative)}.${overridden}`],
    };
  }
  if (total(strongPositive) >= 2 && outweighs && strongPositive.some((e) => e.independent === true)) {
    return {
      rating: 'effective',
      reasons: [
        `Positive effects at SMS 4 or 5: ${listed(strongPositive)}, at least one independent of the developer; none negative.`,
        ...againstNote(against),
      ],
    };
  }
  if ((total(strongPositive) >= 1 || total(moderatePositive) >= 2) && outweighs) {
    return {
      rating: 'promising',
      reasons: [
        `Positive effects: ${listed(positive)}; none negative.`,
        whyNotEffective(strongPositive),
        ...againstNote(against),
      ],
    };
  }
  if (robust.length && robust.every((e) => e.direction === 'none')) {
    return {
      rating: 'no_effect',
      reasons: [`Robust evaluations found no effect: ${listed(robust)}; none found a positive effect.`],
    };
  }
  const allMet = Object.values(criteria).every((c) => c.met);
  if (allMet && !against.length) {
    const some = outcomes.length
      ? ` Outcome evaluations so far: ${outcomes.map((e) => `${describeEvaluation(e)}, ${e.direction}`).join('; ')}.`
      : '';
    return {
      rating: 'theory_based',
      reasons: [
        `Meets EUCPN's four minimum criteria, but no robust outcome evaluation meets the Promising bar yet.${some}`,
      ],
    };
  }
  if (outcomes.length) return { rating: 'inconclusive', reasons: [inconclusiveReason(robust, positive, against)] };
  const unmet = Object.entries(criteria)
    .filter(([, c]) => !c.met)
    .map(([k]) => k);
  return {
    rating: 'not_rated',
    reasons: [`No outcome evaluation recorded, and EUCPN criteria not met: ${unmet.join(', ')}.`],
  };
}

function whyNotEffective(strongPositive: Evaluation[]): string {
  if (total(strongPositive) < 2) return 'Effective needs a second positive evaluation at SMS 4 or 5.';
  return 'No independent evaluation at SMS 4 or 5 yet; Effective needs one.';
}

function againstNote(against: Evaluation[]): string[] {
  return against.length ? [`Null or mixed results as well: ${listed(against)}.`] : [];
}

function inconclusiveReason(robust: Evaluation[], positive: Evaluation[], against: Evaluation[]): string {
  if (!robust.length) return 'Only weak designs (SMS 1–2) so far; no robust outcome evaluation.';
  if (positive.length && against.length)
    return `Results conflict: positive in ${listed(positive)}; null or mixed in ${listed(against)}.`;
  if (against.length) return `Mixed or null results: ${listed(against)}.`;
  return `One robust positive evaluation (${listed(positive)}) is short of the Promising bar, and EUCPN's criteria are not all met.`;
}

/** An outcome evaluation in a current EU member state, or in the UK while it was one (up to 2019). */
export function isEuropeanEvidence(e: Evaluation, ctx: Pick<RatingContext, 'euMembers' | 'formerEuMembers'>): boolean {
  if (e.design === 'process_qualitative') return false;
  return e.geos.some((g) => ctx.euMembers.has(g) || (ctx.formerEuMembers.has(g) && e.year <= LAST_UK_MEMBER_YEAR));
}

export function reviewDate(evaluations: Evaluation[], recordedAt: string): string {
  const last = lastEvaluationYear(evaluations);
  if (last !== null) return `${last + REVIEW_AFTER_YEARS}-12-31`;
  const recorded = new Date(recordedAt);
  recorded.setUTCFullYear(recorded.getUTCFullYear() + REVIEW_AFTER_YEARS);
  return recorded.toISOString().slice(0, 10);
}

function lastEvaluationYear(evaluations: Evaluation[]): number | null {
  return evaluations.length ? Math.max(...evaluations.map((e) => e.year)) : null;
}

export function viewExternalRating(r: ExternalRating): ExternalRatingView {
  const source = r.source as ExternalSource;
  return { ...r, sourceName: EXTERNAL_RATING_SCALES[source].name, ...mapExternalRating(source, r.level) };
}

export function assessEvidence(record: RatedRecord, ctx: RatingContext): EvidenceAssessment {
  const derived = deriveRating(record.evaluations, record.criteria);
  const override = record.ratingOverride;
  const review = reviewDate(record.evaluations, ctx.recordedAt);
  const reasons = override
    ? [
        `Curator override to ${override.rating} (rule gives ${derived.rating}): ${override.justification}`,
        ...derived.reasons,
      ]
    : derived.reasons;
  return {
    rating: override?.rating ?? derived.rating,
    derivedRating: derived.rating,
    reasons,
    override,
    europeanEvidence: record.evaluations.some((e) => isEuropeanEvidence(e, ctx)),
    evaluatedIn: [...new Set(record.evaluations.flatMap((e) => e.geos))].sort(),
    lastEvaluationYear: lastEvaluationYear(record.evaluations),
    reviewDate: review,
    dueForReview: ctx.today > review,
    external: record.externalRatings.map(viewExternalRating),
  };
}
