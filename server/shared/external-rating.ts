import type { EvidenceRating } from './practice-vocabulary';

/**
 * External registries' levels mapped onto the observatory's scale, so that one scale spans them.
 * The README's "Practice catalogue and evidence rating" section prints this table; a test keeps the
 * two in step. Where a registry's level is weaker than our rule's bar we map down, never up.
 */
export const EXTERNAL_RATING_SCALES = {
  crimesolutions: {
    name: 'CrimeSolutions (US National Institute of Justice)',
    levels: {
      effective: { label: 'Effective', maps: 'effective' },
      promising: { label: 'Promising', maps: 'promising' },
      inconclusive: { label: 'Inconclusive evidence', maps: 'inconclusive' },
      no_effects: { label: 'No Effects (formerly Ineffective)', maps: 'no_effect' },
      negative_effects: { label: 'Negative Effects', maps: 'harmful' },
    },
  },
  blueprints: {
    name: 'Blueprints for Healthy Youth Development',
    levels: {
      model_plus: { label: 'Model Plus', maps: 'effective' },
      model: { label: 'Model', maps: 'effective' },
      promising: { label: 'Promising', maps: 'promising' },
    },
  },
  college_of_policing: {
    name: 'College of Policing Crime Reduction Toolkit (EMMIE effect)',
    levels: {
      reduced_crime: { label: 'Overall reduced crime', maps: 'promising' },
      mixed: { label: 'Some studies reduced crime, others did not', maps: 'inconclusive' },
      no_effect: { label: 'No significant effect on crime', maps: 'no_effect' },
      increased_crime: { label: 'Overall increased crime', maps: 'harmful' },
    },
  },
  dutch_recognition: {
    name: 'Dutch recognition system (Erkenningstraject)',
    levels: {
      well_described: { label: 'Well described', maps: 'not_rated' },
      well_founded: { label: 'Well founded (theory)', maps: 'theory_based' },
      effective_first: { label: 'Effective: first indications', maps: 'promising' },
      effective_good: { label: 'Effective: good indications', maps: 'promising' },
      effective_strong: { label: 'Effective: strong indications', maps: 'effective' },
    },
  },
  euda_xchange: {
    name: 'EUDA Xchange prevention registry',
    levels: {
      beneficial: { label: 'Beneficial', maps: 'effective' },
      likely_beneficial: { label: 'Likely to be beneficial', maps: 'promising' },
      unknown: { label: 'Unknown effectiveness', maps: 'inconclusive' },
      possibly_harmful: { label: 'Possibly harmful', maps: 'harmful' },
    },
  },
} as const satisfies Record<string, { name: string; levels: Record<string, { label: string; maps: EvidenceRating }> }>;

export type ExternalSource = keyof typeof EXTERNAL_RATING_SCALES;
export const EXTERNAL_SOURCES = Object.keys(EXTERNAL_RATING_SCALES) as ExternalSource[];

/** Every level code of every registry, for the schema; the pair is checked by `isKnownLevel`. */
export const EXTERNAL_LEVELS = [
  ...new Set(Object.values(EXTERNAL_RATING_SCALES).flatMap((s) => Object.keys(s.levels))),
] as [string, ...string[]];

type AnyScale = { name: string; levels: Record<string, { label: string; maps: EvidenceRating }> };

export function isKnownLevel(source: ExternalSource, level: string): boolean {
  return level in (EXTERNAL_RATING_SCALES[source] as AnyScale).levels;
}

export function mapExternalRating(source: ExternalSource, level: string): { label: string; maps: EvidenceRating } {
  const mapped = (EXTERNAL_RATING_SCALES[source] as AnyScale).levels[level];
  if (!mapped) throw new Error(`${source} has no level "${level}"`);
  return mapped;
}

/** The mapping as markdown table rows, for the README and its test. */
export function externalMappingTable(): string {
  const rows = Object.values(EXTERNAL_RATING_SCALES as Record<string, AnyScale>).flatMap((scale) =>
    Object.values(scale.levels).map((l) => `| ${scale.name} | ${l.label} | ${l.maps} |`),
  );
  return ['| registry | registry level | observatory rating |', '|---|---|---|', ...rows].join('\n');
}
