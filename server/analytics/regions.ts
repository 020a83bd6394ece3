import type { DbOrTx } from '../db/database';
import { toCsv } from '../http/csv';
import { badRequest } from '../http/errors';
import type { Measure } from '../shared/api/analytics';
import type { RegionLatest, RegionsAnswer } from '../shared/api/regions';
import { type Catalogue, geoFor, indicatorFor, regionGroupFor, summarise } from './catalogue';
import { readCells } from './cell.repository';
import { withPublishedRates } from './published-rate';
import { measuredCount, measuredRate, POPULATION_INDICATOR } from './rate';

export interface RegionsRequest {
  country: string;
  indicator: string;
  level: number;
  measure: Measure;
  asOf: string | null;
}

/** A country's regions of one NUTS level, each with its latest value of an indicator (none: period null). */
export async function regionsOf(
  db: DbOrTx,
  catalogue: Catalogue,
  request: RegionsRequest,
): Promise<Omit<RegionsAnswer, 'meta'>> {
  const country = geoFor(catalogue, request.country, 'path');
  if (country.kind !== 'country') throw badRequest({ key: 'regions.not-a-country', params: { code: country.code } });
  const indicator = indicatorFor(catalogue, request.indicator, request.measure);
  const group = regionGroupFor(catalogue, country.code, request.level);
  const geos = group.members.map((m) => m.code);
  const indicators = request.measure === 'rate' ? [indicator.code, POPULATION_INDICATOR] : [indicator.code];
  const cells = await readCells(db, { indicators, geos }, request.asOf);
  const latest = new Map<string, (typeof cells)[number]>();
  const population = new Map<string, (typeof cells)[number]>();
  for (const cell of cells) {
    if (cell.indicator === POPULATION_INDICATOR) population.set(`${cell.geo}|${cell.period}`, cell);
    else if (cell.value !== null && (latest.get(cell.geo)?.period ?? '') < cell.period) latest.set(cell.geo, cell);
  }
  const figures = group.members.map(({ code, name }) => {
    const cell = latest.get(code);
    const period = cell?.period ?? '';
    const measured =
      request.measure === 'rate'
        ? measuredRate(cell, population.get(`${code}|${period}`), code, period)
        : measuredCount(cell, code, period);
    return { geo: code, name, period, measured };
  });
  const shown = request.measure === 'rate' ? await withPublishedRates(db, indicator.code, figures) : figures;
  const regions: RegionLatest[] = shown.map((f) => ({
    geo: f.geo,
    name: f.name,
    level: request.level,
    territorial: catalogue.geos.get(f.geo)?.territorial !== 0,
    period: f.period || null,
    ...f.measured,
  }));
  return {
    country: { code: country.code, name: country.name },
    level: request.level,
    indicator: summarise(indicator, request.measure),
    measure: request.measure,
    regions,
  };
}

/** The regions' table as CSV: one row per region, with the rate's source where it is a published rate. */
export function regionsCsv(answer: RegionsAnswer): string {
  const rows = answer.regions.map((r) => ({
    geo: r.geo,
    name: r.name,
    level: r.level,
    territorial: r.territorial,
    period: r.period ?? '',
    measure: answer.measure,
    value: r.value,
    flags: r.flags,
    count: r.count,
    population: r.denominator?.value ?? null,
    rate_source: r.rateSource ?? '',
    reason: r.reason ?? '',
    data_version: answer.meta.dataVersion ?? '',
  }));
  return toCsv(rows, [
    'geo',
    'name',
    'level',
    'territorial',
    'period',
    'measure',
    'value',
    'flags',
    'count',
    'population',
    'rate_source',
    'reason',
    'data_version',
  ]);
}
