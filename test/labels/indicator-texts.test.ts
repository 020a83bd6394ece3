import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import { loadLabelCatalogue } from '../../server/labels/label.catalogue';
import type { Indicator } from '../../server/shared/api/indicators';
import { FALLBACK_MARK } from '../../server/shared/i18n';
import { useSeededApp } from '../helpers/context';

/**
 * Issue 16: an indicator's methodology, source and intended source are read in the reader's language,
 * translated by the observatory (not yet reviewed) and reviewable like any label; a text new in
 * English falls back to English, visibly marked, never blank and never an outdated translation.
 */
const ctx = useSeededApp({ each: true });

async function indicator(code: string, lang: string): Promise<Indicator> {
  return (await ctx.request().get(`/api/indicators/${code}?lang=${lang}`).expect(200)).body;
}

describe('indicator methodology and source texts', () => {
  it('answers them in French, each language with its source', async () => {
    const homicide = await indicator('ICCS0101', 'fr');
    expect(homicide.methodology).toMatch(/^Infractions enregistrées par la police, classées selon l'ICCS/);
    expect(homicide.source).toBe(
      "Eurostat, crim_off_cat : infractions enregistrées par la police, par catégorie d'infraction (unité NR).",
    );
    expect(homicide.labels.methodology.fr).toMatchObject({
      status: 'unreviewed',
      source: 'traduit par l’observatoire, pas encore relu',
      fallback: false,
    });
    expect(homicide.labels.methodology.en.text).toMatch(/^Offences recorded by the police, classified by ICCS/);
    expect(homicide.labels.source!.de.text).toMatch(/^Eurostat, crim_off_cat: von der Polizei erfasste Straftaten/);
    const english = await indicator('ICCS0101', 'en');
    expect(english.methodology).toMatch(/^Offences recorded by the police/);
  });

  it('gives an indicator without data its intended source in Dutch, and no source', async () => {
    const withoutData = loadIndicatorCatalogue().indicators.find((i) => i.source === null && i.intendedSource)!;
    const answer = await indicator(withoutData.code, 'nl');
    expect(answer.source).toBeNull();
    expect(answer.labels.source).toBeNull();
    expect(answer.intended_source).toBe(loadLabelCatalogue().texts![withoutData.intendedSource!]!.nl);
    expect(answer.labels.intended_source!.nl.status).toBe('unreviewed');
  });

  it('shows a text new in English in English, marked as not yet translated, in every other language', async () => {
    const added = 'Counted from 2027 by a new national survey.';
    await ctx.db.updateTable('indicators').set({ source: added }).where('code', '=', 'ICCS0401').execute();
    const robbery = await indicator('ICCS0401', 'de');
    expect(robbery.source).toBe(`${FALLBACK_MARK}${added}`);
    expect(robbery.labels.source!.de).toMatchObject({ status: 'fallback', fallback: true });
    expect(robbery.labels.source!.de.source).not.toBe('');
    expect(robbery.labels.source!.en).toMatchObject({ text: added, status: 'reference' });
    const pending = (
      await ctx.request().get('/api/labels?lang=de&subject=indicator_source&locale=de&status=fallback').expect(200)
    ).body.data.map((e: { code: string }) => e.code);
    expect(pending).toContain('ICCS0401');
  });

  it('lets a contact point review a methodology text in their language', async () => {
    const nl = request(ctx.asRole('contact_point', ['NL']));
    const path = '/api/labels/indicator_methodology/ICCS0101/nl/review';
    const corrected = 'Door de politie geregistreerde misdrijven volgens de ICCS; niveaus zijn niet vergelijkbaar.';
    await nl.post(path).send({ text: corrected, comment: 'korter' }).expect(200);
    const homicide = await indicator('ICCS0101', 'nl');
    expect(homicide.methodology).toBe(corrected);
    expect(homicide.labels.methodology.nl.status).toBe('reviewed');
    expect((await indicator('ICCS0101', 'fr')).methodology).toMatch(/^Infractions enregistrées/);
  });
});
