import { describe, expect, it } from 'vitest';
import { aggregateGroup } from '../../server/analytics/aggregate';
import { measuredRate } from '../../server/analytics/rate';
import type { CompareResponse, MeasuredValue, TrendResponse } from '../../server/shared/api/analytics';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

/**
 * Issue 16: the reasons for missing values, the comparability warnings and the aggregate's note are
 * written in the reader's language, in JSON and in CSV (whose headers and codes stay English), and
 * the answer cached for one language is never served to another.
 */
const ctx = useSeededApp();

/** NL has no ICCS0101 figure for 2010: one missing member, so a partial aggregate and a reason. */
const PARTIAL = '/api/compare?indicator=ICCS0101&period=2010&measure=rate';

async function compare(url: string, language: string): Promise<CompareResponse> {
  return (await ctx.request().get(url).set('Accept-Language', language).expect(200)).body;
}

describe('analytics prose in the reader’s language', () => {
  it('gives a missing value’s reason and the aggregate’s note in French, with their messages beside', async () => {
    const body = await compare(PARTIAL, 'fr-BE,fr;q=0.9');
    const nl = body.rows.find((r) => r.geo === 'NL')!;
    expect(nl.reason).toBe('pas de valeur pour NL 2010');
    expect(nl.reasonMessage).toEqual({ key: 'analytics.reason.no-value', params: { geo: 'NL', period: '2010' } });
    expect(body.aggregate!.note).toMatch(
      /^Partiel : 26 membres sur 27 déclarent \(\d{2},\d\s% de la population\) ; marqué i\.$/,
    );
    expect(body.rows.find((r) => r.geo === 'DE')!.reasonMessage).toBeUndefined();
  });

  it('keeps one answer per language in the cache: Dutch, then French, then English again', async () => {
    const dutch = await ctx.request().get(PARTIAL).set('Accept-Language', 'nl').expect(200);
    const french = await ctx.request().get(`${PARTIAL}&lang=fr`).expect(200);
    const english = await ctx.request().get(PARTIAL).expect(200);
    const reason = (r: { body: CompareResponse }) => r.body.rows.find((row) => row.geo === 'NL')!.reason;
    expect([reason(dutch), reason(french), reason(english)]).toEqual([
      'geen waarde voor NL 2010',
      'pas de valeur pour NL 2010',
      'no value for NL 2010',
    ]);
    expect(english.body.aggregate.note).toMatch(/^Partial: 26 of 27 members report \(\d{2}\.\d% of the population\)/);
    expect(new Set([dutch.headers.etag, french.headers.etag, english.headers.etag]).size).toBe(3);
    expect(dutch.headers.vary).toMatch(/Accept-Language/);
  });

  it('writes the CSV’s reasons and the aggregate’s name in German, its headers and codes in English', async () => {
    const csv = (await ctx.request().get(`${PARTIAL}&format=csv&lang=de`).expect(200)).text;
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/^geo,geo_name,indicator,period,measure,value,flags,.*,reason,rank,/);
    expect(lines.find((l) => l.startsWith('NL,'))).toContain(',kein Wert für NL 2010,');
    const aggregate = lines.find((l) => l.startsWith('EU27_2020,'))!;
    expect(aggregate).toContain('Aggregat EU27_2020 (bevölkerungsgewichtet)');
    expect(aggregate).toMatch(/Teilweise: 26 von 27 Mitgliedern melden \(\d{2},\d\s% der Bevölkerung\)/);
    expect(aggregate).toContain(',ICCS0101,2010,rate,');
  });

  it('writes comparability warnings in Dutch, quoting a profile’s own definition note as written', async () => {
    const file = Buffer.from('Schluessel;Straftat;Jahr;erfasste Faelle\n010000;Mord;2019;245\n', 'latin1');
    await publishCsv(ctx, file, { geo: 'DE', profile: 'de-bka-pks-faelle', fileName: 'pks.csv' });
    await publishCsv(ctx, canonicalCsv('AT,POP_JAN,2019,8877067,d,mid-year estimate'), { geo: 'AT' });
    const count = await compare('/api/compare?indicator=ICCS0101&period=2019', 'nl');
    const de = count.warnings.find((w) => w.geo === 'DE')!;
    expect(de.reason).toMatch(/^de nationale definitie wijkt af \(d\); importprofiel de-bka-pks-faelle: National /);
    expect(de.reasonMessage!.key).toBe('analytics.comparability.reasons');
    const rate = await compare('/api/compare?indicator=ICCS0101&period=2019&measure=rate', 'nl');
    expect(rate.warnings.find((w) => w.geo === 'AT')!.reason).toBe(
      'de bevolking in de noemer heeft een afwijkende definitie (d), bijv. een schatting halverwege het jaar',
    );
  });

  it('gives a trend point’s and an observation’s reason in the language asked for', async () => {
    const trend: TrendResponse = (
      await ctx.request().get('/api/trends?indicator=ICCS0101&geo=CH&measure=rate&from=2019&to=2022&lang=de')
    ).body;
    expect(trend.points.find((p) => p.period === '2022')!.reason).toBe('keine Bevölkerung für CH 2022');
    const observations = await ctx
      .request()
      .get('/api/observations?indicator=ICCS0101&geo=CH&from=2022&to=2022&measure=rate&format=csv')
      .set('Accept-Language', 'fr');
    expect(observations.text).toContain(',pas de population pour CH 2022,');
  });
});

describe('the messages behind the prose', () => {
  const cell = (value: number | null) => ({
    geo: 'LI',
    indicator: 'ICCS0101',
    period: '2019',
    period_start: '2019-01-01',
    value,
    flags: '',
    source: 'estat.crim_off_cat',
  });

  it('renders an unusable population’s reason with the value as stored', () => {
    const rate = measuredRate(cell(12), cell(0.5), 'LI', '2019');
    expect(rate.reason).toBe('population for LI 2019 is 0.5');
    expect(rate.reasonMessage).toEqual({
      key: 'analytics.reason.population-unusable',
      params: { geo: 'LI', period: '2019', population: '0.5' },
    });
  });

  it('says why an aggregate is withheld, in English and as a message', () => {
    const member = (geo: string, value: number | null, population: number | null) => ({
      geo,
      population,
      measured: { ...measuredRate(cell(value), cell(population), geo, '2019') } as MeasuredValue,
    });
    const withheld = aggregateGroup('G', 'sum', 'count', [member('AA', 5, 100), member('BB', null, 900)])!;
    expect(withheld.note).toBe('Withheld: reporting members cover 10.0% of the population, below the 90% threshold.');
    expect(withheld.noteMessage).toEqual({
      key: 'analytics.aggregate.below-threshold',
      params: { share: 0.1, threshold: 0.9 },
    });
    const unknown = aggregateGroup('G', 'sum', 'count', [
      member('AA', 5, 100),
      member('BB', 7, null),
      member('CC', null, 50),
    ])!;
    expect(unknown.note).toBe(
      'Withheld: the population of BB is unknown for this period, so the coverage cannot be measured.',
    );
  });

  it('sums counts when every member reports, even members whose population is unknown (regions)', () => {
    // As compare measures a count: the value is the count, whatever the population.
    const member = (geo: string, value: number, population: number | null) => ({
      geo,
      population,
      measured: { ...measuredRate(cell(value), cell(population), geo, '2019'), value } as MeasuredValue,
    });
    const all = aggregateGroup('G', 'sum', 'count', [member('AA', 5, 100), member('BB', 7, null)])!;
    expect(all).toMatchObject({ withheld: false, value: 12, coverage: { populationShare: 1 } });
    expect(all.noteMessage).toEqual({ key: 'analytics.aggregate.complete', params: { members: 2 } });
    // A rate still needs every population: BB cannot contribute, so coverage is unknown.
    const rate = aggregateGroup('G', 'sum', 'rate', [member('AA', 5, 100), member('BB', 7, null)])!;
    expect(rate).toMatchObject({ withheld: true, value: null });
  });
});
