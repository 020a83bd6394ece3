import { describe, expect, it } from 'vitest';
import { externalComparison } from '../../server/practices/evidence-explanations';
import { readPracticeSeed } from '../../server/practices/practice.seed';
import { useSeededApp } from '../helpers/context';

/** Issue 20: ratings in plain language: names not codes, why registries differ, what "due for review" means. */
const ctx = useSeededApp();

const detail = async (slug: string, lang = 'en') =>
  (await ctx.request().get(`/api/practices/${slug}?lang=${lang}`).expect(200)).body;

describe('rating reasons', () => {
  it('name countries, never codes, in the reader language', async () => {
    const names = {
      en: 'England and Wales',
      nl: 'Engeland en Wales',
      fr: 'Angleterre et pays de Galles',
      de: 'England und Wales',
    };
    for (const [lang, name] of Object.entries(names)) {
      const reasons = (await detail('alley-gating', lang)).evidence.reasons.join(' ');
      expect(reasons, lang).toContain(name);
      expect(reasons, lang).not.toContain('UKC-L');
    }
    const kiva = (await detail('kiva-anti-bullying')).evidence.reasons.join(' ');
    expect(kiva).toMatch(/Finland/);
    expect(kiva).not.toMatch(/\bFI\b/);
  });
});

describe('external registries', () => {
  it('say in one sentence why CrimeSolutions rates Kirkholt higher than our scale', async () => {
    const body = await detail('kirkholt-burglary-prevention');
    expect(body.evidence.rating).toBe('theory_based');
    const [crimeSolutions] = body.evidence.external;
    expect(crimeSolutions.maps).toBe('effective');
    expect(crimeSolutions.comparison).toBe(
      'CrimeSolutions counts evaluation designs that our scale does not: ours needs an outcome evaluation at SMS 3 or more, and the ones recorded here are at SMS 2.',
    );
    const fr = (await detail('kirkholt-burglary-prevention', 'fr')).evidence.external[0].comparison;
    expect(fr).toContain('SMS 3');
    expect(fr).not.toBe(crimeSolutions.comparison);
  });

  it('say why a registry rates lower, and nothing where it agrees', async () => {
    const kiva = readPracticeSeed().find((p) => p.slug === 'kiva-anti-bullying')!;
    const registry = { sourceName: 'CrimeSolutions (US National Institute of Justice)', label: 'Promising' };
    const older = { ...registry, maps: 'promising' as const, date: '2011-06' };
    expect(externalComparison(older, 'effective', kiva.evaluations, 'en')).toBe(
      'CrimeSolutions rated it in 2011, before the later evaluations recorded here (2016 and 2020), which our scale counts.',
    );
    const undated = { ...older, date: null };
    expect(externalComparison(undated, 'effective', kiva.evaluations, 'en')).toContain('its criteria ask for more');
    expect(externalComparison(older, 'promising', kiva.evaluations, 'en')).toBeNull();
    const scared = await detail('scared-straight');
    expect(scared.evidence.external[0].maps).toBe(scared.evidence.rating);
    expect(scared.evidence.external[0].comparison).toBeNull();
  });

  it('explain a higher level whose bar our evaluations do not reach', async () => {
    const ceasefire = await detail('operation-ceasefire-boston');
    expect(ceasefire.evidence.rating).toBe('promising');
    expect(ceasefire.evidence.external[0].comparison).toContain('Effective needs at least two positive evaluations');
  });
});

describe('review dates', () => {
  it('say what due for review means and when, truthfully for a due and a not-yet-due practice', async () => {
    const kirkholt = await detail('kirkholt-burglary-prevention');
    expect(kirkholt.evidence.dueForReview).toBe(true);
    expect(kirkholt.evidence.reviewNote).toContain('5 years after its newest evaluation (here 1990)');
    expect(kirkholt.evidence.reviewNote).toContain('was due on 31 Dec 1995');
    const list = (await ctx.request().get('/api/practices?pageSize=100').expect(200)).body.data as {
      slug: string;
      dueForReview: boolean;
    }[];
    const notDue = list.find((p) => !p.dueForReview);
    expect(notDue).toBeDefined();
    const note = (await detail(notDue!.slug)).evidence.reviewNote;
    expect(note).toMatch(/review is due on/);
    expect((await detail('kirkholt-burglary-prevention', 'de')).evidence.reviewNote).toContain('Überprüfung');
  });
});
