import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app/compose';
import type { Alert, AlertsResponse } from '../../server/shared/api/analytics';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/** French and German group digits with a narrow no-break space and a full stop. */
const NNBSP = '\u202f';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => database.dispose());

const QUERY = '/api/alerts?period=2021&group=EU27_2020&measure=rate';
const swedishRobbery = (answer: AlertsResponse): Alert =>
  answer.alerts.find((a) => a.indicator === 'ICCS0401' && a.geo === 'SE')!;

describe('alert explanations in the reader language (real seed, 2021)', () => {
  it.each([
    [
      'en',
      'Robbery per 100k in Sweden fell 18% in 2021 (8,812 → 7,301 offences), below the range expected from its 2014–2020 trend (83.44–88.96), q < 0.001 across the EU27_2020 screen.',
    ],
    [
      'nl',
      'Beroving per 100.000 inwoners in Zweden daalde met 18% in 2021 (8.812 → 7.301 delicten), onder de bandbreedte die de trend van 2014–2020 deed verwachten (83,44–88,96), q < 0,001 over de hele screening van EU27_2020.',
    ],
    [
      'fr',
      `Vol avec violence pour 100 000 habitants, Suède : baisse de 18 % en 2021 (8${NNBSP}812 → 7${NNBSP}301 infractions), en dessous de la fourchette attendue d'après sa tendance 2014–2020 (83,44–88,96), q < 0,001 sur l'ensemble du criblage EU27_2020.`,
    ],
    [
      'de',
      'Raub je 100.000 Einwohner, Schweden: Rückgang um 18 % im Jahr 2021 (8.812 → 7.301 Straftaten), unterhalb des nach dem Trend 2014–2020 erwarteten Bereichs (83,44–88,96), q < 0,001 über das gesamte Screening EU27_2020.',
    ],
  ])('explains the fall of robbery in Sweden in %s', async (lang, sentence) => {
    const answer = (await request(app).get(`${QUERY}&lang=${lang}`).expect(200)).body as AlertsResponse;
    expect(swedishRobbery(answer).explanation).toBe(sentence);
  });

  it('names the indicator and its source from the label book in the language', async () => {
    const english = swedishRobbery((await request(app).get(`${QUERY}&lang=en`).expect(200)).body);
    expect([english.indicatorName, english.source]).toEqual([
      'Robbery',
      'Eurostat, crim_off_cat: police-recorded offences by offence category (unit NR).',
    ]);
    const german = swedishRobbery((await request(app).get(`${QUERY}&lang=de`).expect(200)).body);
    expect([german.indicatorName, german.source]).toEqual([
      'Raub',
      'Eurostat, crim_off_cat: von der Polizei erfasste Straftaten nach Deliktskategorie (Einheit NR).',
    ]);
  });

  it('writes notices and not-assessed reasons in the language too', async () => {
    const answer = (await request(app).get(QUERY).set('Accept-Language', 'de').expect(200)).body as AlertsResponse;
    const linked = answer.alerts.find((a) => a.indicator === 'ICCS0703' && a.geo === 'ES')!;
    expect(linked.notices.map((n) => n.text)).toContain(
      'Die untergeordnete Kategorie ICCS07031 bewegte sich in derselben Richtung (Spanien): hier als ein Hinweis dargestellt.',
    );
    expect(answer.notAssessed.some((n) => n.reason.startsWith('kleine Fallzahlen: nicht bewertet'))).toBe(true);
    expect(answer.reclassifications.find((r) => r.geo === 'CZ')?.text).toMatch(
      /^Mögliche Umklassifizierung, Tschechien, 2021: Vergewaltigung \(ICCS03011\) 639 → 1\.491, während Sexuelle Nötigung \(ICCS03012\)/,
    );
  });
});

describe('the alerts cache keeps one answer per language', () => {
  it('never serves a cached Dutch alert answer to a French reader', async () => {
    const dutch = await request(app).get(QUERY).set('Accept-Language', 'nl-BE,nl;q=0.9').expect(200);
    expect(swedishRobbery(dutch.body).explanation).toContain('daalde met 18%');
    // The same query again, now from a French reader: the Dutch answer is in the cache.
    const french = await request(app).get(QUERY).set('Accept-Language', 'fr-FR,fr;q=0.9').expect(200);
    expect(swedishRobbery(french.body).explanation).toContain('baisse de 18');
    expect(JSON.stringify(french.body)).not.toMatch(/daalde|delicten|bandbreedte/);
    expect(String(french.headers.vary)).toMatch(/Accept-Language/i);
  });

  it('lets a 304 validate only the language it was given for', async () => {
    const dutch = await request(app).get(`${QUERY}&lang=nl`).expect(200);
    const etag = dutch.headers.etag as string;
    await request(app).get(`${QUERY}&lang=nl`).set('If-None-Match', etag).expect(304);
    const french = await request(app).get(`${QUERY}&lang=fr`).set('If-None-Match', etag).expect(200);
    expect(french.headers.etag).not.toBe(etag);
    expect(swedishRobbery(french.body).explanation).toContain('Suède');
  });

  it('writes the Atom feed in the language', async () => {
    // The feed is the latest period's: 2023, the 2025 edition's latest year.
    const feed = await request(app).get('/api/alerts/feed.atom?country=SE&lang=fr').expect(200);
    expect(feed.text).toContain(
      '<title xml:lang="fr">Alertes sur les tendances émergentes, EU27_2020, 2023 (SE)</title>',
    );
    expect(feed.text).toContain('<title>Tentative d’homicide volontaire, Suède, 2023 : hausse</title>');
  });
});
