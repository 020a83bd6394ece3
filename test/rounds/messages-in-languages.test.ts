import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, day, type People, roundAt } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'mots');
});
afterAll(async () => database.dispose());

const uploadAs = (lang: string, rows: string[]) =>
  request(appFor(database.db, people.nl))
    .post(`/api/submissions?geo=NL&lang=${lang}`)
    .type('text/csv')
    .send(['geo,indicator,period,value,flags,note', ...rows].join('\n'));

describe('round refusals made of several parts read in one language', () => {
  it('gives a French reader the lock reason and the locked cells in French', async () => {
    const created = new Date(Date.now() - 70 * 86_400_000);
    await roundAt(database.db, created, { name: 'Indicateurs 2021', periods: ['2021'], geos: ['NL'] });
    const refused = await uploadAs('fr', ['NL,ICCS0101,2021,999,,']);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `La campagne « Indicateurs 2021 » a verrouillé ses cellules le ${day(60, created)} : un envoi ne peut plus les ` +
        'modifier. Demandez au secrétariat une exception pour NL si un chiffre doit être corrigé. ' +
        'Cellules verrouillées : NL ICCS0101 2021.',
    );
    const english = await uploadAs('en', ['NL,ICCS0101,2021,999,,']);
    expect(english.body.error.message).toContain('Round "Indicateurs 2021" locked its cells on');
    expect(english.body.error.message).toContain('Locked cells: NL ICCS0101 2021.');
  });

  it('gives a Dutch reader the clean-validation problems in Dutch', async () => {
    const opened = new Date(Date.now() - 2 * 86_400_000);
    const id = await roundAt(database.db, opened, { periods: ['2023'], geos: ['NL'], cleanValidation: true });
    expect((await uploadAs('nl', ['NL,ICCS0101,2023,many,,'])).body.status).toBe('rejected');
    const refused = await request(appFor(database.db, people.nl))
      .post(`/api/rounds/${id}/parts/NL/complete`)
      .set('Accept-Language', 'nl')
      .expect(409);
    expect(refused.body.error.code).toBe('validation-not-clean');
    expect(refused.body.error.message).toMatch(
      /^Ronde "Core indicators 2023 #?\d*" vereist een validatie zonder fouten vóór voltooiing: uw laatste upload, inzending \d+, heeft 1 fout: corrigeer het bestand/,
    );
  });
});
