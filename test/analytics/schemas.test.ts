import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AlertsResponseSchema,
  CompareResponseSchema,
  GeoProfileResponseSchema,
  TrendResponseSchema,
} from '../../server/shared/api/analytics';
import { ObservationsResponseSchema } from '../../server/observations/observation.routes';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

const cases: [string, z.ZodType][] = [
  ['/api/compare?indicator=ICCS0101&period=2010&measure=rate', CompareResponseSchema],
  ['/api/compare?indicator=ICCS0401&period=2022', CompareResponseSchema],
  ['/api/trends?indicator=ICCS0101&geo=DE&measure=rate', TrendResponseSchema],
  ['/api/trends?indicator=ICCS0101&geo=AT&from=2021', TrendResponseSchema],
  ['/api/alerts?period=2019', AlertsResponseSchema],
  ['/api/geos/FR/profile', GeoProfileResponseSchema],
  ['/api/geos/CH/profile', GeoProfileResponseSchema],
  ['/api/observations?indicator=ICCS0101,ICCS0401&geo=FR&measure=rate', ObservationsResponseSchema],
];

describe('documented response schemas', () => {
  it.each(cases)('%s answers in the shape the API description declares', async (url, schema) => {
    const body = (await ctx.request().get(url).expect(200)).body;
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('rejects an answer that breaks the declared shape', () => {
    expect(TrendResponseSchema.safeParse({ geo: 'AT' }).success).toBe(false);
  });
});
