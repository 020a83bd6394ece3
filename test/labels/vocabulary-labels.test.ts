import { describe, expect, it } from 'vitest';
import { AGGREGATIONS, POLARITIES, UNIT_KINDS } from '../../server/shared/indicator-vocabulary';
import {
  APPROACHES,
  EFFECT_DIRECTIONS,
  EMMIE_DIMENSIONS,
  EUCPN_CRITERIA,
  EVALUATION_DESIGNS,
  EVIDENCE_RATINGS,
  LINK_KINDS,
  PRACTICE_LEVELS,
  PREVENTION_LEVELS,
  RATING_LABELS,
  TARGET_GROUPS,
  WORKFLOW_STATES,
} from '../../server/shared/practice-vocabulary';
import { VOCABULARY_NAMES, vocabularyLabel } from '../../server/shared/vocabulary-labels';

const LISTS: Record<keyof typeof VOCABULARY_NAMES, readonly string[]> = {
  level: PRACTICE_LEVELS,
  approach: APPROACHES,
  prevention_level: PREVENTION_LEVELS,
  target_group: TARGET_GROUPS,
  evaluation_design: EVALUATION_DESIGNS,
  effect_direction: EFFECT_DIRECTIONS,
  link_kind: LINK_KINDS,
  evidence_rating: EVIDENCE_RATINGS,
  workflow_state: WORKFLOW_STATES,
  criterion: EUCPN_CRITERIA,
  emmie_dimension: EMMIE_DIMENSIONS,
  unit: UNIT_KINDS,
  polarity: POLARITIES,
  aggregation: AGGREGATIONS,
};

describe('the vocabulary labels', () => {
  it('name every value of every closed list, in four non-blank languages', () => {
    for (const [vocabulary, values] of Object.entries(LISTS)) {
      const names = VOCABULARY_NAMES[vocabulary as keyof typeof VOCABULARY_NAMES] as Record<string, readonly string[]>;
      expect(Object.keys(names).sort(), vocabulary).toEqual([...values].sort());
      for (const [value, languages] of Object.entries(names)) {
        expect(languages, `${vocabulary}/${value}`).toHaveLength(4);
        for (const text of languages) expect(text.trim(), `${vocabulary}/${value}`).not.toBe('');
      }
    }
  });

  it('answer in English by default, so code written before the languages keeps its meaning', () => {
    expect(vocabularyLabel('approach', 'situational')).toBe('Situational');
    expect(vocabularyLabel('approach', 'situational', 'de')).toBe('Situativ');
    expect(vocabularyLabel('target_group', 'no_such_group', 'fr')).toBe('no_such_group');
    for (const rating of EVIDENCE_RATINGS)
      expect(vocabularyLabel('evidence_rating', rating)).toBe(RATING_LABELS[rating]);
  });
});
