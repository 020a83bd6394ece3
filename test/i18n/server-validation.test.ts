import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { SubmissionPreview } from '../../server/shared/api/submissions';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv } from '../helpers/publish';

const ctx = useSeededApp();

/** Uploads a CSV for AT as its contact point, in a language; the answer's report is in that language. */
async function upload(csv: string, lang: string): Promise<SubmissionPreview> {
  const app = ctx.asRole('contact_point', ['AT']);
  const answer = await request(app)
    .post('/api/submissions?geo=AT')
    .set('Accept-Language', lang)
    .attach('file', Buffer.from(csv), 'figures.csv');
  expect([200, 201]).toContain(answer.status);
  return answer.body;
}

const badPeriod = canonicalCsv('AT,ICCS0101,20x9,5,,');

describe('a validation report in the reader language', () => {
  it.each([
    ['en', '"20x9" is not a period. Write a four-digit year (2021), a quarter (2021-Q1) or a month (2021-03).'],
    [
      'nl',
      '"20x9" is geen periode. Schrijf een jaar met vier cijfers (2021), een kwartaal (2021-Q1) of een maand (2021-03).',
    ],
    [
      'fr',
      "« 20x9 » n'est pas une période. Écrivez une année à quatre chiffres (2021), un trimestre (2021-Q1) ou un mois (2021-03).",
    ],
    [
      'de',
      '„20x9“ ist kein Zeitraum. Schreiben Sie ein vierstelliges Jahr (2021), ein Quartal (2021-Q1) oder einen Monat (2021-03).',
    ],
  ])('says what is wrong and how to fix it in %s', async (lang, message) => {
    const preview = await upload(badPeriod, lang);
    expect(preview.report.entries).toHaveLength(1);
    expect(preview.report.entries[0]).toMatchObject({
      row: 2,
      column: 'period',
      code: 'bad-period',
      messageKey: 'validation.bad-period',
      messageParams: { period: '20x9' },
      message,
    });
  });

  it('keeps the key and values with the stored report, and renders a report read later in French in French', async () => {
    const preview = await upload(canonicalCsv('AT,ICCS0101,2019,-5,,'), 'en');
    expect(preview.report.entries[0]!.message).toBe('A count cannot be negative (-5). Check the sign of this value.');
    const stored = await ctx.db
      .selectFrom('submissions')
      .select('report')
      .where('id', '=', preview.submissionId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.report).report.entries[0]).toMatchObject({
      messageKey: 'validation.negative-count',
      messageParams: { value: '-5' },
    });
    const app = ctx.asRole('contact_point', ['AT']);
    const later = await request(app).get(`/api/submissions/${preview.submissionId}?lang=fr`).expect(200);
    expect(later.body.report.entries[0].message).toBe(
      'Un effectif ne peut pas être négatif (-5). Vérifiez le signe de cette valeur.',
    );
    expect(later.body.report.summary).toBe('1 erreur, 0 avertissement');
  });
});

/** CLDR plurals, not n === 1: French counts 0 as singular ("0 erreur"), Dutch and German do not. */
describe('plural forms of "N errors" through the validation report summary', () => {
  const files = {
    0: canonicalCsv('AT,ICCS0101,2019,5,,'),
    1: canonicalCsv('AT,ICCS0101,20x9,5,,'),
    2: canonicalCsv('AT,ICCS0101,20x9,5,,', 'AT,ICCS0101,20y9,5,,'),
  } as const;
  it.each([
    ['fr', 0, '0 erreur'],
    ['fr', 1, '1 erreur'],
    ['fr', 2, '2 erreurs'],
    ['nl', 0, '0 fouten'],
    ['nl', 1, '1 fout'],
    ['nl', 2, '2 fouten'],
    ['de', 0, '0 Fehler'],
    ['de', 1, '1 Fehler'],
    ['de', 2, '2 Fehler'],
    ['en', 1, '1 error'],
    ['en', 2, '2 errors'],
  ] as const)('%s: %i errors read "%s"', async (lang, errors, words) => {
    const preview = await upload(files[errors], lang);
    expect(preview.report.errorCount).toBe(errors);
    expect(preview.report.summary!.startsWith(`${words},`)).toBe(true);
  });
});
