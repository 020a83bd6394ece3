import type { Catalogue } from '../../analytics/catalogue';
import { FLAG_MEANINGS } from '../../shared/flags';
import { CONCEPTS, CSV_DATAFLOW, KEY_DIMENSIONS } from './artefacts';
import { FREQUENCIES, UNITS } from '../../analytics/series-block';
import type { DataSetSource } from './data-read';
import type { SeriesBlock } from '../../analytics/series-block';
import type { DataShape } from './data-xml';

export interface CsvOptions extends DataShape {
  labels: 'id' | 'both';
  /** includeHistory: each row says from when to when its version was disseminated. */
  history: boolean;
}

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function flagNames(flags: string): string {
  return [...flags].map((f) => FLAG_MEANINGS[f] ?? f).join(', ');
}

/** Column ids, and for labels=both "ID: Name". */
function columns(options: CsvOptions): string[] {
  const ids = ['DATAFLOW', ...KEY_DIMENSIONS];
  if (options.detail !== 'serieskeysonly' && options.detail !== 'nodata') ids.push('TIME_PERIOD', 'OBS_VALUE');
  if (options.detail === 'full') ids.push('OBS_FLAG');
  if (options.detail === 'full' || options.detail === 'nodata') ids.push('UNIT_MEASURE');
  if (options.history) ids.push('VALID_FROM', 'VALID_TO');
  return options.labels === 'both' ? ids.map((id) => (CONCEPTS[id] ? `${id}: ${CONCEPTS[id]}` : id)) : ids;
}

function seriesRows(series: SeriesBlock, set: DataSetSource, options: CsvOptions, catalogue: Catalogue): string[] {
  const both = options.labels === 'both';
  const label = (code: string, name: string | undefined) => (both && name ? `${code}: ${name}` : code);
  const key = [
    CSV_DATAFLOW,
    label(series.freq, FREQUENCIES[series.freq]),
    label(series.indicator, catalogue.indicators.get(series.indicator)?.name),
    label(series.geo, catalogue.geos.get(series.geo)?.name),
  ];
  const unit = label(series.unit, UNITS[series.unit]);
  const validity = options.history ? [set.validFrom ?? '', set.validTo ?? ''] : [];
  if (options.detail === 'serieskeysonly' || options.detail === 'nodata') {
    return [[...key, ...(options.detail === 'nodata' ? [unit] : []), ...validity].map(cell).join(',')];
  }
  return series.observations.map((o) => {
    const values = [...key, o.period, o.value === null ? '' : String(o.value)];
    if (options.detail === 'full') values.push(both && o.flags ? `${o.flags}: ${flagNames(o.flags)}` : o.flags, unit);
    return [...values, ...validity].map(cell).join(',');
  });
}

/** SDMX-CSV 1.0: DATAFLOW as AGENCY:ID(VERSION), one column per dimension, OBS_VALUE, then the attributes. */
export async function* sdmxCsv(
  sets: DataSetSource[],
  options: CsvOptions,
  catalogue: Catalogue,
): AsyncGenerator<string> {
  yield `${columns(options).map(cell).join(',')}\r\n`;
  for (const set of sets) {
    for await (const series of set.series) {
      const rows = seriesRows(series, set, options, catalogue);
      if (rows.length) yield `${rows.join('\r\n')}\r\n`;
    }
  }
}
