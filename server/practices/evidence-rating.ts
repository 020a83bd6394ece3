import type { Locale, LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { EXTERNAL_RATING_SCALES, type ExternalSource, mapExternalRating } from '../shared/external-rating';
import type { EucpnCriteria, Evaluation, ExternalRating, RatingOverride } from '../shared/api/practice-record';
import type { EvidenceAssessment, ExternalRatingView } from '../shared/api/practices';
import type { EvidenceRating } from '../shared/practice-vocabulary';
import { formatList } from '../shared/i18n/format';
import { countryName } from '../shared/i18n/geo-names';
import { externalComparison, reviewNote } from './evidence-explanations';

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
  /** The reader's language for the reasons (English by default). */
  locale?: Locale;
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

export function describeEvaluation(e: Evaluation, locale: Locale = 'en'): string {
  return translate(locale, {
    key: 'ratings.evaluation',
    params: {
      kind: e.design === 'systematic_review' ? 'review' : 'evaluation',
      sms: e.sms === null ? 'none' : String(e.sms),
      // Country names in the reader's language, never codes: "UKC-L" reads "England and Wales" (issue 20).
      geos: formatList(
        e.geos.map((g) => countryName(g, locale) ?? g),
        locale,
      ),
      year: String(e.year),
    },
  });
}

/** A rating level's name in the reader's language ("Promising", "Veelbelovend", …). */
export function ratingName(rating: EvidenceRating, locale: Locale = 'en'): string {
  return translate(locale, { key: 'ratings.level', params: { rating } });
}

/** Applies the rule, first match wins. Returns the rating and the reasons a reader sees. */
export function deriveRating(
  evaluations: Evaluation[],
  criteria: EucpnCriteria,
  locale: Locale = 'en',
): { rating: EvidenceRating; reasons: string[] } {
  const say = (key: string, params?: LocalisedText['params']) => translate(locale, { key, params });
  const listed = (list: Evaluation[]) => list.map((e) => describeEvaluation(e, locale)).join('; ');
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
    return {
      rating: 'harmful',
      reasons: [say('ratings.harmful', { list: listed(negative), positives: positive.length })],
    };
  }
  if (total(strongPositive) >= 2 && outweighs && strongPositive.some((e) => e.independent === true)) {
    return {
      rating: 'effective',
      reasons: [
        say('ratings.effective', { list: listed(strongPositive) }),
        ...(against.length ? [say('ratings.against', { list: listed(against) })] : []),
      ],
    };
  }
  if ((total(strongPositive) >= 1 || total(moderatePositive) >= 2) && outweighs) {
    return {
      rating: 'promising',
      reasons: [
        say('ratings.promising', { list: listed(positive) }),
        say(total(strongPositive) < 2 ? 'ratings.needs-second' : 'ratings.needs-independent'),
        ...(against.length ? [say('ratings.against', { list: listed(against) })] : []),
      ],
    };
  }
  if (robust.length && robust.every((e) => e.direction === 'none')) {
    return {
      rating: 'no_effect',
      reasons: [say('ratings.no-effect', { list: listed(robust) })],
    };
  }
  const allMet = Object.values(criteria).every((c) => c.met);
  if (allMet && !against.length) {
    const so = outcomes.map((e) =>
      say('ratings.outcome', { evaluation: describeEvaluation(e, locale), direction: e.direction }),
    );
    return {
      rating: 'theory_based',
      reasons: [say('ratings.theory-based', { outcomes: so.length ? so.join('; ') : 'none' })],
    };
  }
  if (outcomes.length)
    return { rating: 'inconclusive', reasons: [say(...inconclusiveReason(robust, positive, against, listed))] };
  const unmet = Object.entries(criteria)
    .filter(([, c]) => !c.met)
    .map(([k]) => k);
  return {
    rating: 'not_rated',
    reasons: [say('ratings.not-rated', { unmet: unmet.join(', ') })],
  };
}

function inconclusiveReason(
  robust: Evaluation[],
  positive: Evaluation[],
  against: Evaluation[],
  listed: (list: Evaluation[]) => string,
): [string, LocalisedText['params']?] {
  if (!robust.length) return ['ratings.weak-only'];
  if (positive.length && against.length)
    return ['ratings.conflict', { positive: listed(positive), against: listed(against) }];
  if (against.length) return ['ratings.mixed', { list: listed(against) }];
  return ['ratings.one-short', { list: listed(positive) }];
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

export function viewExternalRating(
  r: ExternalRating,
  ours?: { rating: EvidenceRating; evaluations: Evaluation[]; locale: Locale },
): ExternalRatingView {
  const source = r.source as ExternalSource;
  const view = { ...r, sourceName: EXTERNAL_RATING_SCALES[source].name, ...mapExternalRating(source, r.level) };
  const comparison = ours ? externalComparison(view, ours.rating, ours.evaluations, ours.locale) : null;
  return { ...view, comparison };
}

export function assessEvidence(record: RatedRecord, ctx: RatingContext): EvidenceAssessment {
  const locale = ctx.locale ?? 'en';
  const derived = deriveRating(record.evaluations, record.criteria, locale);
  const override = record.ratingOverride;
  const review = reviewDate(record.evaluations, ctx.recordedAt);
  const reasons = override
    ? [
        translate(locale, {
          key: 'ratings.override',
          params: {
            override: ratingName(override.rating, locale),
            derived: ratingName(derived.rating, locale),
            justification: override.justification,
          },
        }),
        ...derived.reasons,
      ]
    : derived.reasons;
  const rating = override?.rating ?? derived.rating;
  const lastYear = lastEvaluationYear(record.evaluations);
  const dueForReview = ctx.today > review;
  return {
    rating,
    derivedRating: derived.rating,
    reasons,
    override,
    europeanEvidence: record.evaluations.some((e) => isEuropeanEvidence(e, ctx)),
    evaluatedIn: [...new Set(record.evaluations.flatMap((e) => e.geos))].sort(),
    lastEvaluationYear: lastYear,
    reviewDate: review,
    dueForReview,
    reviewNote: reviewNote(
      { reviewDate: review, dueForReview, lastEvaluationYear: lastYear },
      REVIEW_AFTER_YEARS,
      locale,
    ),
    external: record.externalRatings.map((r) =>
      viewExternalRating(r, { rating, evaluations: record.evaluations, locale }),
    ),
  };
}
