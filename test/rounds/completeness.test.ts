import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { isOnTime, percent, reportingRates } from '../../server/rounds/completeness';
import { completePart } from '../../server/rounds/part.service';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { appFor, day, roundAt } from './fixture';

describe('reporting rates (DHIS2 definitions)', () => {
  it('works the example: 27 expected, 20 actual, 15 on time -> 74.1 % complete and 55.6 % on time', () => {
    expect(reportingRates(27, 20, 15)).toEqual({
      expected: 27,
      actual: 20,
      onTime: 15,
      completeness: 74.1,
      timeliness: 55.6,
    });
  });

  it('divides on-time reports by the expected reports, not by the actual ones', () => {
    expect(reportingRates(10, 5, 5).timeliness).toBe(50);
  });

  it('has no rate when nothing is expected, rather than 0 %', () => {
    expect(percent(0, 0)).toBeNull();
    expect(reportingRates(0, 0, 0)).toMatchObject({ completeness: null, timeliness: null });
  });

  it('counts a completion as on time until the last millisecond of the due date (UTC), and a reopened part as neither', () => {
    expect(isOnTime({ state: 'complete', completed_at: '2026-03-31T23:59:59.999Z' }, '2026-03-31')).toBe(true);
    expect(isOnTime({ state: 'complete', completed_at: '2026-04-01T00:00:00.000Z' }, '2026-03-31')).toBe(false);
    expect(isOnTime({ state: 'open', completed_at: null }, '2026-03-31')).toBe(false);
  });
});

describe('completeness of a round of the EU-27', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await seededDatabase();
  });
  afterAll(async () => database.dispose());

  it('serves the worked example from real completions: 20 of 27 countries complete, 15 by the due date', async () => {
    const db = database.db;
    const eu27 = (
      await db
        .selectFrom('geo_group_members')
        .select('geo_code')
        .where('group_code', '=', 'EU27_2020')
        .orderBy('geo_code')
        .execute()
    ).map((m) => m.geo_code);
    expect(eu27).toHaveLength(27);
    const opened = new Date(Date.now() - 40 * 86_400_000);
    const id = await roundAt(db, opened, {
      geos: eu27,
      indicators: ['ICCS0101'],
      periods: ['2022'],
      dueOn: day(20, opened),
      locksOn: day(90, opened),
    });
    for (const [i, geo] of eu27.slice(0, 20).entries()) {
      // 15 complete ten days after opening, 5 after the due date (day 20) but before the lock.
      await completePart(db, id, geo, {
        actor: SYSTEM_ACTOR,
        ip: 'test',
        now: new Date(opened.getTime() + (i < 15 ? 10 : 25) * 86_400_000),
      });
    }
    const res = await request(appFor(db, { kind: 'anonymous' }))
      .get(`/api/rounds/${id}/completeness`)
      .expect(200);
    expect(res.body.overall).toMatchObject({
      expected: 27,
      actual: 20,
      onTime: 15,
      completeness: 74.1,
      timeliness: 55.6,
    });
    const at = res.body.geos.find((g: { geo: string }) => g.geo === 'AT');
    // The seed holds Austria's 2022 homicides from Eurostat, but a round asks for the contact point's own
    // figure: Eurostat's cell delivers nothing.
    const eurostat = await db
      .selectFrom('observations')
      .select('value')
      .where('geo', '=', 'AT')
      .where('indicator', '=', 'ICCS0101')
      .where('period', '=', '2022')
      .executeTakeFirst();
    expect(eurostat?.value).toBeDefined();
    expect(at).toMatchObject({ expected: 1, cellsExpected: 1, cellsDelivered: 0 });
    expect(res.body.overall.cellsDelivered + res.body.overall.cellsMissing + res.body.overall.cellsNotAvailable).toBe(
      27,
    );

    const csv = await request(appFor(db, { kind: 'anonymous' }))
      .get(`/api/rounds/${id}/completeness?format=csv`)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'round,geo,geo_name,state,completed_at,expected,actual,on_time,cells_expected,cells_delivered,cells_not_available,cells_missing,missing',
    );
    expect(lines).toHaveLength(28);
    expect(lines.filter((l) => l.includes(',complete,'))).toHaveLength(20);
  });
});
