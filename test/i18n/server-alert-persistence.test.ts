import { describe, expect, it } from 'vitest';
import type { AlertsResponse } from '../../server/shared/api/analytics';
import { useSeededApp } from '../helpers/context';

/** Issue 16: whether an alert held the next year is said in the reader's language. */
const ctx = useSeededApp();

const QUERY = '/api/alerts?period=2021&group=EU27_2020&measure=rate';

async function notes(lang: string): Promise<Map<string, string>> {
  const answer: AlertsResponse = (await ctx.request().get(`${QUERY}&lang=${lang}`).expect(200)).body;
  return new Map(answer.alerts.map((a) => [`${a.indicator}|${a.geo}`, a.persistence.note]));
}

describe('an alert’s persistence note', () => {
  it('is written in French and German for every alert of the real 2021 screen', async () => {
    const [english, french, german] = [await notes('en'), await notes('fr'), await notes('de')];
    expect(english.size).toBeGreaterThan(0);
    for (const [alert, note] of english) {
      expect(note, alert).toMatch(/is not known yet$|^break in series in \d{4}|expected range/);
      expect(french.get(alert), alert).toMatch(
        /n'est pas encore connu$|^rupture de série en \d{4} : non comparable$|fourchette attendue/,
      );
      expect(german.get(alert), alert).toMatch(
        /ist noch nicht bekannt$|^Zeitreihenbruch in \d{4}: nicht vergleichbar$|erwarteten Bereich/,
      );
    }
  });
});
