import { translate } from '../i18n/translate';
import type { Locale } from '../shared/i18n';
import { formatDate, formatList } from '../shared/i18n/format';
import type { Evaluation } from '../shared/api/practice-record';
import { type EvidenceRating, RATING_RANK } from '../shared/practice-vocabulary';

/**
 * Plain-language sentences about a rating (issue 20): why an external registry rates a practice
 * higher or lower than our scale, and what "due for review" means for this practice.
 */

interface ExternalLevel {
  sourceName: string;
  label: string;
  maps: EvidenceRating;
  date: string | null;
}

/** The registry's short name: "CrimeSolutions (US National Institute of Justice)" reads "CrimeSolutions". */
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

const isOutcome = (e: Evaluation) => e.design !== 'process_qualitative' && e.sms !== null && e.direction !== null;

/** Why a registry rates higher: it counts designs below our SMS 3 bar, or our higher level's bar is not reached. */
function higher(external: ExternalLevel, evaluations: Evaluation[], locale: Locale): string {
  const registry = shortName(external.sourceName);
  const outcomes = evaluations.filter(isOutcome);
  if (!outcomes.some((e) => (e.sms ?? 0) >= 3)) {
    const levels = [...new Set(outcomes.map((e) => e.sms))].sort().map(String);
    return translate(locale, {
      key: 'practice-evidence.external-higher-weak',
      params: { registry, levels: levels.length ? formatList(levels, locale, 'disjunction') : 'none' },
    });
  }
  return translate(locale, {
    key: 'practice-evidence.external-higher-bar',
    params: { registry, level: external.maps },
  });
}

/** Why a registry rates lower: it rated before later evaluations, or its criteria are stricter. */
function lower(external: ExternalLevel, evaluations: Evaluation[], locale: Locale): string {
  const registry = shortName(external.sourceName);
  const ratedIn = external.date ? Number(external.date.slice(0, 4)) : null;
  const later = ratedIn === null ? [] : evaluations.filter((e) => isOutcome(e) && e.year > ratedIn);
  if (ratedIn !== null && later.length)
    return translate(locale, {
      key: 'practice-evidence.external-lower-older',
      params: {
        registry,
        year: String(ratedIn),
        years: formatList([...new Set(later.map((e) => String(e.year)))].sort(), locale),
      },
    });
  return translate(locale, { key: 'practice-evidence.external-lower-criteria', params: { registry } });
}

/** One sentence when the registry's level, mapped onto our scale, differs from our rating; else null. */
export function externalComparison(
  external: ExternalLevel,
  rating: EvidenceRating,
  evaluations: Evaluation[],
  locale: Locale,
): string | null {
  if (external.maps === rating) return null;
  return RATING_RANK[external.maps] > RATING_RANK[rating]
    ? higher(external, evaluations, locale)
    : lower(external, evaluations, locale);
}

/** What "due for review" means, and when this practice's review is or was due. */
export function reviewNote(
  review: { reviewDate: string; dueForReview: boolean; lastEvaluationYear: number | null },
  afterYears: number,
  locale: Locale,
): string {
  return translate(locale, {
    key: review.dueForReview ? 'practice-evidence.review-due' : 'practice-evidence.review-not-due',
    params: {
      date: formatDate(review.reviewDate, locale),
      years: afterYears,
      last: review.lastEvaluationYear === null ? 'none' : String(review.lastEvaluationYear),
    },
  });
}
