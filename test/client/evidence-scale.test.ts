import { describe, expect, it } from 'vitest';
import { useLocale } from '../../client/i18n/i18n';
import { registryMappings, scaleLevels, smsLevels } from '../../client/views/evidence/scale';
import { EXTERNAL_RATING_SCALES } from '../../server/shared/external-rating';
import { EVIDENCE_RATINGS } from '../../server/shared/practice-vocabulary';

describe('the evidence scale page', () => {
  it('explains all seven levels, strongest first, each in plain words and as its rule', () => {
    const levels = scaleLevels();
    expect(levels.map((l) => l.rating)).toEqual([...EVIDENCE_RATINGS]);
    expect(levels[0]).toMatchObject({ name: 'Effective' });
    expect(levels.find((l) => l.rating === 'harmful')!.meaning).toContain('outweighs any number of positive results');
    for (const level of levels) expect(level.rule).toMatch(/^Rule: /);
  });

  it('says what SMS 1 to 5 compare', () => {
    expect(smsLevels().map((s) => s.level)).toEqual([1, 2, 3, 4, 5]);
    expect(smsLevels()[4]!.design).toContain('randomised controlled trial');
  });

  it('maps every level of every registry onto our scale, with one sentence of why per registry', () => {
    const mappings = registryMappings();
    expect(mappings).toHaveLength(Object.keys(EXTERNAL_RATING_SCALES).length);
    const toolkit = mappings.find((m) => m.registry.startsWith('College of Policing'))!;
    expect(toolkit.levels).toContainEqual({ label: 'Overall reduced crime', rating: 'Promising' });
    expect(toolkit.why).toMatch(/maps to Promising/);
  });

  it('reads in the reader language', async () => {
    await useLocale('de');
    expect(scaleLevels()[0]!.name).toBe('Wirksam');
    await useLocale('fr');
    expect(registryMappings()[0]!.levels[0]!.rating).toBe('Efficace');
    await useLocale('en');
  });
});
