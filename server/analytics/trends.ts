import type { DbOrTx } from '../db/database';
import { badRequest } from '../http/errors';
import { parsePeriod } from '../cells/period';
import type { Measure, TrendResponse } from '../shared/api/analytics';
import type { Locale } from '../shared/i18n';
import { type Catalogue, geoFor, indicatorFor, summarise } from './catalogue';
import { readCells } from './cell.repository';
import { measuredCount, measuredRate, POPULATION_INDICATOR } from './rate';
import { withPublishedRates } from './published-rate';
import { segmentSeries, segmentStatistics } from './series';

export interface TrendRequest {
  indicator: string;
  geo: string;
  from?: string;
  to?: string;
  measure: Measure;
  asOf: string | null;
  /** The data version's key (readDataVersion): population cells then come from the per-version cache. */
  versionKey?: string;
  /** The reader's language: break reasons and segment notes are written in it. */
  locale?: Locale;
}

export type Trend = Omit<TrendResponse, 'meta'>;

export async function trendOf(db: DbOrTx, catalogue: Catalogue, request: TrendRequest): Promise<Trend> {
  const { measure } = request;
  const indicator = indicatorFor(catalogue, request.indicator, measure);
  const geo = geoFor(catalogue, request.geo);
  const fromStart = request.from ? parsePeriod(request.from)?.start : undefined;
  const toStart = request.to ? parsePeriod(request.to)?.start : undefined;
  if (fromStart && toStart && fromStart > toStart)
    throw badRequest({ key: 'trends.from-after-to', params: { from: request.from, to: request.to } });
  const indicators = measure === 'rate' ? [indicator.code, POPULATION_INDICATOR] : [indicator.code];
  const cells = await readCells(
    db,
    { indicators, geos: [geo.code], fromStart, toStart },
    request.asOf,
    request.versionKey,
  );
  // One geo: the population cells keyed by period alone.
  const population = new Map(cells.filter((c) => c.indicator === POPULATION_INDICATOR).map((c) => [c.period, c]));
  const measuredSeries = cells
    .filter((c) => c.indicator === indicator.code)
    .map((cell) => ({
      geo: geo.code,
      period: cell.period,
      measured:
        measure === 'rate'
          ? measuredRate(cell, population.get(cell.period), geo.code, cell.period)
          : measuredCount(cell, geo.code, cell.period),
    }));
  // A region has no population of its own: its rates are the ones Eurostat published, where there are any.
  const series =
    measure === 'rate' && geo.kind === 'region'
      ? await withPublishedRates(db, indicator.code, measuredSeries)
      : measuredSeries;
  const { points, breaks } = segmentSeries(series, request.locale);
  return {
    indicator: summarise(indicator, measure),
    geo: geo.code,
    measure,
    points,
    segments: segmentStatistics(points, request.locale),
    breaks: breaks.map((b) => b.period),
    breakReasons: breaks,
  };
}
