import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, type People, roundInput, uploadAndCommit } from '../rounds/fixture';

/**
 * Issue 16: what a contact point owes in a round is told in their language: the change warning of a
 * delivered cell, the indicators' names and definitions, and the reason of a cell flagged ":".
 */
let database: TestDatabase;
let people: People;
let roundId: number;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'lang');
  roundId = (
    await request(appFor(database.db, people.secretariat))
      .post('/api/rounds')
      .send(roundInput({ indicators: ['ICCS0101', 'ICCS0401'] }))
      .expect(201)
  ).body.id;
  // 2022 NL homicides are 143 in the seed: 400 is +180 %, beyond ICCS0101's 100 % threshold.
  const committed = await uploadAndCommit(database.db, people.nl, 'NL', [
    'NL,ICCS0101,2023,400,,',
    'NL,ICCS0401,2023,,:,',
  ]);
  expect(committed.status).toBe(200);
});
afterAll(async () => database.dispose());

const asNl = () => request(appFor(database.db, people.nl));
const cellsOf = (body: { cells: { indicator: string }[] }) =>
  Object.fromEntries(body.cells.map((c) => [c.indicator, c])) as Record<string, Record<string, unknown>>;

describe('a round part in the reader’s language', () => {
  it('gives the change warning, the names and the not-available reason in French', async () => {
    const part = await asNl().get(`/api/rounds/${roundId}/parts/NL?lang=fr`).expect(200);
    const cells = cellsOf(part.body);
    expect(cells.ICCS0101!.warning).toBe(
      '+180 % par rapport à 143 la période précédente ; l’indicateur signale les variations de plus de 100 %',
    );
    expect(cells.ICCS0101!.indicatorName).toBe('Homicide volontaire');
    expect(cells.ICCS0401!).toMatchObject({
      state: 'not-available',
      unavailableReason: 'marquée « : » (non disponible) dans le fichier déposé',
    });
    const english = cellsOf((await asNl().get(`/api/rounds/${roundId}/parts/NL`).expect(200)).body);
    expect(english.ICCS0101!.warning).toBe(
      '+180 % against 143 the period before; the indicator flags changes beyond 100 %',
    );
    expect(english.ICCS0101!.indicatorName).toBe('Intentional homicide');
  });

  it('lists what is owed in Dutch, and answers a declaration in German', async () => {
    const owed = await asNl().get('/api/round-parts?geo=NL').set('Accept-Language', 'nl').expect(200);
    const part = owed.body.data.find((p: { roundId: number }) => p.roundId === roundId);
    expect(cellsOf(part).ICCS0101!.warning).toMatch(/^\+180 % ten opzichte van 143 in de vorige periode;/);
    const declared = await asNl()
      .put(`/api/rounds/${roundId}/parts/NL/unavailable?lang=de`)
      .send({ indicator: 'ICCS0401', period: '2023', reason: 'Raub wird erst ab 2025 getrennt erfasst.' })
      .expect(200);
    expect(cellsOf(declared.body).ICCS0101!.warning).toMatch(/^\+180 % gegenüber 143 in der Vorperiode;/);
  });
});
