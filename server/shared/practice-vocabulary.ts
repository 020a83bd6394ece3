/**
 * The controlled vocabularies of the practice catalogue. Facets count these values, so they are
 * closed lists; the crime themes, ICCS codes, indicators and geos come from the catalogues in data/.
 */

export const PRACTICE_LEVELS = ['local', 'regional', 'national', 'eu', 'international'] as const;

/** EMPACT CHSG 9 is the administrative approach; CHSG 7 covers awareness raising and harm reduction. */
export const APPROACHES = [
  'situational',
  'developmental',
  'community',
  'criminal_justice',
  'administrative',
  'awareness_harm_reduction',
] as const;

export const PREVENTION_LEVELS = ['primary', 'secondary', 'tertiary'] as const;

export const TARGET_GROUPS = [
  'general_public',
  'residents',
  'children',
  'young_people',
  'families',
  'schools',
  'victims',
  'offenders',
  'young_offenders',
  'high_risk_groups',
  'drug_users',
  'businesses',
  'vehicle_owners',
  'places',
  'professionals',
] as const;

/**
 * An EMPACT tag names a cycle and one of its priorities or CHSGs, e.g. "2026-2029/drug_trafficking" or
 * "2022-2025/chsg-7". The cycles, priorities and CHSGs are data (data/empact/cycles.json, the
 * empact_* tables), checked against the database when a practice is saved.
 */
export const EMPACT_TAG_PATTERN = /^(\d{4}-\d{4})\/(chsg-\d{1,2}|[a-z0-9_]{3,40})$/;
export const EMPACT_TAG_EXAMPLE = '2026-2029/drug_trafficking';

export const EVALUATION_DESIGNS = [
  'randomised_trial',
  'quasi_experimental',
  'before_after',
  'process_qualitative',
  'systematic_review',
] as const;

export const EFFECT_DIRECTIONS = ['positive', 'none', 'negative', 'mixed'] as const;

export const LINK_KINDS = ['evaluation', 'manual', 'website', 'other'] as const;

/** The observatory's evidence scale, strongest first. */
export const EVIDENCE_RATINGS = [
  'effective',
  'promising',
  'theory_based',
  'inconclusive',
  'no_effect',
  'harmful',
  'not_rated',
] as const;

export const WORKFLOW_STATES = ['draft', 'submitted', 'in_review', 'published', 'returned'] as const;

export const EUCPN_CRITERIA = ['problem', 'mechanism', 'evidence', 'replicability'] as const;

export const EMMIE_DIMENSIONS = ['effect', 'mechanism', 'moderators', 'implementation', 'economicCost'] as const;

export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];
export type Approach = (typeof APPROACHES)[number];
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type EvaluationDesign = (typeof EVALUATION_DESIGNS)[number];
export type EffectDirection = (typeof EFFECT_DIRECTIONS)[number];
export type EvidenceRating = (typeof EVIDENCE_RATINGS)[number];
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Sort order for "by rating": evidence that it works first, evidence of harm last. */
export const RATING_RANK: Record<EvidenceRating, number> = {
  effective: 7,
  promising: 6,
  theory_based: 5,
  inconclusive: 4,
  not_rated: 3,
  no_effect: 2,
  harmful: 1,
};

export const RATING_LABELS: Record<EvidenceRating, string> = {
  effective: 'Effective',
  promising: 'Promising',
  theory_based: 'Theory-based',
  inconclusive: 'Inconclusive',
  no_effect: 'No effect',
  harmful: 'Harmful',
  not_rated: 'Not rated',
};
