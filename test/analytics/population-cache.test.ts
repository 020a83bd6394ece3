import { describe, expect, it } from 'vitest';
import type { CompareResponse, TrendResponse } from '../../server/shared/api/analytics';
import { roundRate } from '../../server/analytics/rate';
import { openDatabase } from '../../server/db/connect';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

async function get<T>(path: string): Promise<T> {
  return (await ctx.request().get(path).expect(200)).body;
}

describe('population cells cached per data version', () => {
  it('a population correction committed through another connection changes the next rate at once', async () => {
    const trendPath = '/api/trends?indicator=ICCS0101&geo=AT&measure=rate&from=2019&to=2019';
    const comparePath = '/api/compare?indicator=ICCS0101&period=2019&measure=rate&group=EU27_2020';
    const before = await get<TrendResponse>(trendPath);
    const count = before.points[0]!.count!;
    expect(before.points[0]!.denominator!.value).not.toBe(10_000_000);
    await get<CompareResponse>(comparePath);

    const other = await openDatabase(ctx.database.file);
    try {
      await publishCsv(other, canonicalCsv('AT,POP_JAN,2019,10000000,,revised'), { geo: 'AT', fileName: 'pop.csv' });
    } finally {
      await other.close();
    }

    const after = await get<TrendResponse>(trendPath);
    expect(after.points[0]!.denominator!.value).toBe(10_000_000);
    expect(after.points[0]!.value).toBe(roundRate((count / 10_000_000) * 100_000));
    const compared = await get<CompareResponse>(comparePath);
    const at = compared.rows.find((r) => r.geo === 'AT')!;
    expect(at.denominator!.value).toBe(10_000_000);
    expect(at.value).toBe(after.points[0]!.value);
  });
});
