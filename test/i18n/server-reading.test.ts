import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { localiseReading } from '../../server/submissions/read/read-plan';
import type { ReadingSummary } from '../../server/shared/api/submissions';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv } from '../helpers/publish';

/** Issue 16: why a file was read with its import profile is said in the reader's language. */
const ctx = useSeededApp();

const EUROSTAT_TSV = 'freq,iccs,unit,geo\\TIME_PERIOD\t2019 \t2020 \nA,ICCS0101,NR,NL\t134 \t112 \n';

describe('the reading summary in the reader’s language', () => {
  it('gives the reason of a canonical upload in French, and in German when the stored submission is read', async () => {
    const contact = () => request(ctx.asRole('contact_point', ['NL']));
    const upload = await contact()
      .post('/api/submissions?geo=NL&lang=fr')
      .type('text/csv')
      .send(canonicalCsv('NL,ICCS0101,2019,134,,'))
      .expect(201);
    expect(upload.body.reading.profileReason).toBe("l'en-tête est l'en-tête canonique geo,indicator,period,value");
    expect(upload.body.reading.profileReasonMessage).toEqual({ key: 'readers.plan.reason.canonical' });
    const stored = await contact()
      .get(`/api/submissions/${upload.body.submissionId}`)
      .set('Accept-Language', 'de-AT')
      .expect(200);
    expect(stored.body.reading.profileReason).toBe('die Kopfzeile ist die kanonische geo,indicator,period,value');
    const english = await contact().get(`/api/submissions/${upload.body.submissionId}`).expect(200);
    expect(english.body.reading.profileReason).toBe('the header is the canonical geo,indicator,period,value');
  });

  it('names the shipped Eurostat profile in Dutch, and the profile the uploader named', async () => {
    const contact = () => request(ctx.asRole('contact_point', ['NL']));
    const shipped = await contact()
      .post('/api/submissions?geo=NL&lang=nl')
      .type('text/tab-separated-values')
      .send(EUROSTAT_TSV)
      .expect(201);
    expect(shipped.body.reading.profileReason).toBe(
      'een Eurostat-TSV met sleutel freq,iccs,unit,geo: het meegeleverde profiel "eurostat-crim_off_cat" leest die sleutel',
    );
    const named = await contact()
      .post(`/api/submissions?geo=NL&profile=${shipped.body.reading.profile}&lang=de`)
      .type('text/tab-separated-values')
      .send(EUROSTAT_TSV.replace('134', '135'))
      .expect(201);
    expect(named.body.reading.profileReason).toBe(`beim Hochladen gewählt: „${shipped.body.reading.profile}“`);
  });

  it('keeps the English text of a report stored before reasons had messages', () => {
    const old: ReadingSummary = {
      format: 'canonical',
      profile: 'canonical',
      profileReason: 'the header is the canonical geo,indicator,period,value',
      encoding: 'utf-8',
      delimiter: 'comma',
      skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 },
    };
    expect(localiseReading(old, 'fr')).toEqual(old);
  });
});
