import { EXTERNAL_RATING_SCALES } from '../../../server/shared/external-rating';
import { EVIDENCE_RATINGS, type EvidenceRating } from '../../../server/shared/practice-vocabulary';
import { t } from '../../i18n/i18n';

/** One level of the observatory's evidence scale, in plain words and as the rule that derives it. */
export interface ScaleLevel {
  rating: EvidenceRating;
  name: string;
  meaning: string;
  rule: string;
}

/** The seven levels, strongest first, in the reader's language. Pure: the page and its test read it. */
export function scaleLevels(): ScaleLevel[] {
  return EVIDENCE_RATINGS.map((rating) => ({
    rating,
    name: t(`evidence.level.${rating}`),
    meaning: t(`evidence.meaning.${rating}`),
    rule: t(`evidence.rule.${rating}`),
  }));
}

/** The Maryland Scientific Methods Scale, 1 (weakest) to 5, as evaluations are scored. */
export function smsLevels(): { level: number; design: string }[] {
  return [1, 2, 3, 4, 5].map((level) => ({ level, design: t(`evidence.sms.${level}`) }));
}

export interface RegistryMapping {
  registry: string;
  /** Why the registry's levels map as they do, in one sentence. */
  why: string;
  levels: { label: string; rating: string }[];
}

/** Other registries' levels on our scale (server/shared/external-rating.ts), with the reason for each mapping. */
export function registryMappings(): RegistryMapping[] {
  return Object.entries(EXTERNAL_RATING_SCALES).map(([source, scale]) => ({
    registry: scale.name,
    why: t(`evidence.registry.${source}`),
    levels: Object.values(scale.levels).map((level) => ({
      label: level.label,
      rating: t(`evidence.level.${level.maps}`),
    })),
  }));
}
