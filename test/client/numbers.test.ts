import { beforeAll, describe, expect, it } from 'vitest';
import { publishCountBeyondPopulation } from '../helpers/count-beyond-population';
import type { CompareResponse, GeoProfileResponse } from '../../server/shared/api/analytics';
import type { ObservationsAnswer } from '../../server/shared/api/observations';
import { cellContextText } from '../../client/components/cell-history';
import { compareChoice, coverageText, yearChoices } from '../../client/views/compare/state';
import { sharedWarnings, warningSentence } from '../../client/views/compare/warnings';
import { rankText, rateYearIfOther, withYear } from '../../client/views/country-profile/state';
import { splitByMap } from '../../client/views/explore/not-on-map';
import { rankCells } from '../../client/views/explore/state';
import { aggregationRule, geoLabel, geoLabelWithCode } from '../../client/views/geo-label';
import { logScaleNote, logScaleOmissions } from '../../client/views/trends/state';
import { REFERENCE_GROUP } from '../../server/shared/reference-group';
import { useSeededApp } from '../helpers/context';

/** The client's state modules of issue 20 item 1, fed the seeded API's real answers. */
const ctx = useSeededApp();
let beyond = 0;
beforeAll(async () => {
  beyond = await publishCountBeyondPopulation(ctx.db);
});
const get = async <T>(url: string): Promise<T> => (await ctx.request().get(url).expect(200)).body as T;
const yearsWithValues = (answer: ObservationsAnswer) =>
  [...new Set(answer.data.filter((o) => o.value !== null).map((o) => Number(o.period)))].sort((a, b) => a - b);

describe('country profile: every value whose year is not the row’s says its year', () => {
  it('puts the rate’s year beside a rate older than the count, and the rank’s year and measure beside the rank', async () => {
    const profile = await get<GeoProfileResponse>('/api/geos/NL/profile');
    const older = profile.indicators.filter((r) => r.rate && r.ratePeriod !== r.period);
    expect(older.map((r) => [r.indicator.code, r.period])).toContainEqual(['ICCS0101', String(beyond)]);
    for (const row of older) {
      expect(rateYearIfOther(row)).toBe(row.ratePeriod);
      expect(withYear('0.72', rateYearIfOther(row))).toBe(`0.72 (${row.ratePeriod})`);
      expect(rankText(row)).toBe(`${row.euRank} of ${row.euMembersRanked} (rate, ${row.rankBasis!.period})`);
    }
    const same = profile.indicators.find((r) => r.rate && r.ratePeriod === r.period && r.euRank)!;
    expect(rateYearIfOther(same)).toBeNull();
    expect(rankText(same)).toBe(`${same.euRank} of ${same.euMembersRanked}`);
  });
});

describe('compare: rates only for years that can have them', () => {
  it('shows counts, and says why, for a year with counts but no population; rates for a year with both', async () => {
    const yearsOf = async (m: string) =>
      yearsWithValues(await get<ObservationsAnswer>(`/api/observations?indicator=ICCS0101&measure=${m}&level=0`));
    const [counts, rates] = [await yearsOf('count'), await yearsOf('rate')];
    const years = { counts, rates };
    const year = beyond;
    expect(counts).toContain(year);
    expect(rates).not.toContain(year);
    expect(compareChoice({ year, measure: 'rate' }, years, null)).toEqual({
      year,
      measure: 'count',
      ratesUnavailable: true,
    });
    const rateYear = rates.at(-1)!;
    expect(compareChoice({ year: rateYear, measure: 'rate' }, years, null)).toEqual({
      year: rateYear,
      measure: 'rate',
      ratesUnavailable: false,
    });
    expect(compareChoice({ year: null, measure: 'rate' }, years, null).year).toBe(rateYear);
    expect(yearChoices(years, year)).toEqual(counts);
  });

  it('says a warning shared by every member once, naming them, and the aggregate and its rule by name', async () => {
    const profile = await get<GeoProfileResponse>('/api/geos/NL/profile');
    const period = profile.indicators.find((r) => r.indicator.code === 'ICCS0101')!.ratePeriod!;
    const answer = await get<CompareResponse>(
      `/api/compare?indicator=ICCS0101&period=${period}&measure=rate&group=${REFERENCE_GROUP}`,
    );
    const shared = sharedWarnings(answer);
    const biggest = shared[0]!;
    expect(biggest.geos.length).toBe(answer.warnings.filter((w) => w.reason.includes(biggest.reason)).length);
    expect(shared.reduce((n, w) => n + w.geos.length, 0)).toBeGreaterThanOrEqual(answer.warnings.length);
    if (biggest.geos.length > 1) {
      const sentence = warningSentence(biggest, answer);
      expect(sentence).toContain(`for ${biggest.geos.length} countries:`);
      expect(sentence).toContain('Netherlands');
      expect(sentence).not.toMatch(/\b[A-Z]{2}:/);
    }
    const coverage = coverageText(answer);
    expect(coverage).toContain('European Union (27 countries, from 2020)');
    expect(coverage).not.toMatch(/EU27_2020|population_weighted/);
  });
});

describe('no internal code on screen', () => {
  it('names aggregates, rules and countries outside the catalogue', () => {
    expect(geoLabel('EU27_2020', 'EU27_2020')).toBe('European Union (27 countries, from 2020)');
    expect(geoLabelWithCode('EU27_2020')).toBe('European Union (27 countries, from 2020)');
    expect(geoLabel('AU', 'AU')).toBe('Australia');
    expect(geoLabelWithCode('AU', 'AU')).toBe('Australia (AU)');
    expect(geoLabelWithCode('UKC-L', 'England and Wales')).toBe('England and Wales');
    expect(aggregationRule('population_weighted')).toBe('population-weighted');
    expect(aggregationRule('sum')).toBe('sum of the members’ counts');
  });
});

describe('the map: a geo it cannot draw never sets the legend, and is listed', () => {
  it('keeps England and Wales, Bosnia and Kosovo out of the drawn cells, with their values', async () => {
    const answer = await get<ObservationsAnswer>('/api/observations?indicator=ICCS0502&measure=count&level=0');
    const byYear = (geo: string) => answer.data.filter((o) => o.geo === geo && o.value !== null);
    const year = Number(byYear('UKC-L').at(-1)!.period);
    const countries = ['UKC-L', 'UKM', 'UK', 'BA', 'XK', 'DE', 'FR', 'NL'].map((code) => ({ code, name: code }));
    const cells = rankCells(countries, answer.data, year);
    const onMap = new Set(['UK', 'DE', 'FR', 'NL']);
    const { drawn, undrawn } = splitByMap(cells, onMap, (geo) => (geo.startsWith('UK') && geo !== 'UK' ? 'UK' : null));
    expect(drawn.map((c) => c.geo).sort()).toEqual(['DE', 'FR', 'NL', 'UK']);
    const ukcl = undrawn.find((c) => c.geo === 'UKC-L')!;
    expect(ukcl).toMatchObject({ partOf: 'UK', value: byYear('UKC-L').at(-1)!.value });
    // England and Wales records more thefts than any drawn country: it must not set the legend's top.
    expect(ukcl.rank).toBe(1);
    expect(Math.max(...drawn.flatMap((c) => (c.value === null ? [] : [c.value])))).toBeLessThan(ukcl.value!);
    expect(undrawn.find((c) => c.geo === 'BA')!.partOf).toBeNull();
  });
});

describe('log scale: zeros are said, not dropped', () => {
  it('names each zero the log scale leaves out, and none on a linear scale', () => {
    const series = [
      { geo: 'MT', label: 'Malta', points: [0, 3, 0].map((value, i) => ({ year: 2019 + i, value, flags: '' })) },
      { geo: 'DE', label: 'Germany', points: [{ year: 2019, value: 12, flags: '' }] },
    ];
    const omitted = logScaleOmissions(series, 'log');
    expect(omitted).toEqual([
      { label: 'Malta', year: 2019, value: 0 },
      { label: 'Malta', year: 2021, value: 0 },
    ]);
    expect(logScaleNote(omitted, 'en')).toMatch(
      /^2 values of 0 are not shown on the log scale .*Malta 2019 and Malta 2021/,
    );
    expect(logScaleOmissions(series, 'linear')).toEqual([]);
    expect(logScaleNote([], 'en')).toBe('');
  });
});

describe('cell context', () => {
  it('says a revised cell’s version count and note, and nothing for a cell never revised', () => {
    const cell = { geo: 'AT', indicator: 'ICCS0101', period: '2017' };
    expect(cellContextText({ ...cell, note: 'corrected after audit', versions: 3 })).toBe(
      'Revised: 3 versions. Note: corrected after audit',
    );
    expect(cellContextText({ ...cell, note: null, versions: 1 })).toBe('');
    expect(cellContextText(undefined)).toBe('');
  });
});
