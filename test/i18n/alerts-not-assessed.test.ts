import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocale } from '../../client/i18n/i18n';
import { notAssessedText } from '../../client/views/alerts/state';
import { createApp } from '../../server/app/compose';
import type { AlertsResponse } from '../../server/shared/api/analytics';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => {
  await useLocale('en');
  await database.dispose();
});

const QUERY = '/api/alerts?period=2021&group=EU27_2020&measure=rate';
const answerIn = async (lang: string) =>
  (await request(app).get(`${QUERY}&lang=${lang}`).expect(200)).body as AlertsResponse;

describe('series not assessed for small numbers, in every language (real seed, 2021)', () => {
  it('carries each reason as its message key beside the text', async () => {
    const english = await answerIn('en');
    const german = await answerIn('de');
    expect(german.notAssessed.map((n) => n.reasonMessage.key)).toEqual(
      english.notAssessed.map((n) => n.reasonMessage.key),
    );
    const small = german.notAssessed.find((n) => n.reasonMessage.key === 'alerts.not-assessed-small')!;
    expect(small.reasonMessage.params).toEqual({ minimum: 20 });
    expect(small.reason).toMatch(/^kleine Fallzahlen: nicht bewertet/);
  });

  it.each([
    ['en', 'Not assessed: {count} series ({small} with small numbers)'],
    ['nl', 'Niet beoordeeld: {count} reeksen ({small} met kleine aantallen)'],
    ['fr', 'Non évaluées : {count} séries ({small} avec de petits nombres)'],
    ['de', 'Nicht bewertet: {count} Reihen ({small} mit kleinen Zahlen)'],
  ] as const)('counts the small-number series in %s as the English reasons do', async (lang, summary) => {
    // The English reason is the reference wording: the count a reader of any language must be told.
    const english = await answerIn('en');
    const small = english.notAssessed.filter((n) => n.reason.startsWith('small numbers: not assessed')).length;
    expect(small).toBeGreaterThan(0);
    const answer = await answerIn(lang);
    await useLocale(lang);
    expect(notAssessedText(answer)).toBe(
      summary.replace('{count}', String(english.notAssessed.length)).replace('{small}', String(small)),
    );
  });
});
