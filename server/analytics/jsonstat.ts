import type { Catalogue } from './catalogue';
import { UNITS } from './series-block';
import type { SeriesBlock } from './series-block';

/** A JSON-stat 2.0 dataset (https://json-stat.org/format/): the parts this service writes. */
export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated?: string;
  id: string[];
  size: number[];
  role: { time: string[]; geo: string[]; metric: string[] };
  dimension: Record<
    string,
    {
      label: string;
      category: { index: string[]; label: Record<string, string>; unit?: Record<string, { label: string }> };
    }
  >;
  value: (number | null)[];
  status?: Record<string, string>;
  extension: Record<string, unknown>;
}

export interface JsonStatCollection {
  version: '2.0';
  class: 'collection';
  label: string;
  link: { item: JsonStatDataset[] };
}

export interface JsonStatContext {
  catalogue: Catalogue;
  label: string;
  dataVersion: string | null;
  asOf: string | null;
  extension?: Record<string, unknown>;
  /** Indicator → unit label, where the figures are not in the indicator's own unit (per-100k rates). */
  unitLabels?: Record<string, string>;
}

const sortedCodes = (codes: Set<string>) => [...codes].sort();

/**
 * One JSON-stat dataset over indicator × geo × time, with a value (null when absent) for every
 * combination and each flagged value's flags in `status`. Eurostat's flags are its status codes.
 */
export function jsonStatDataset(series: SeriesBlock[], context: JsonStatContext): JsonStatDataset {
  const { catalogue } = context;
  const indicators = sortedCodes(new Set(series.map((s) => s.indicator)));
  const geos = sortedCodes(new Set(series.map((s) => s.geo)));
  const periods = sortedCodes(new Set(series.flatMap((s) => s.observations.map((o) => o.period))));
  const position = (list: string[]) => new Map(list.map((code, i) => [code, i]));
  const [pi, pg, pt] = [position(indicators), position(geos), position(periods)];
  const value: (number | null)[] = new Array(indicators.length * geos.length * periods.length).fill(null);
  const status: Record<string, string> = {};
  for (const s of series) {
    for (const o of s.observations) {
      const at = (pi.get(s.indicator)! * geos.length + pg.get(s.geo)!) * periods.length + pt.get(o.period)!;
      value[at] = o.value;
      if (o.flags) status[String(at)] = o.flags;
    }
  }
  const sources = Object.fromEntries(indicators.map((code) => [code, catalogue.indicators.get(code)?.source ?? null]));
  const dataset: JsonStatDataset = {
    version: '2.0',
    class: 'dataset',
    label: context.label,
    source: 'Crime Prevention Observatory',
    ...(context.dataVersion ? { updated: context.dataVersion } : {}),
    id: ['indicator', 'geo', 'time'],
    size: [indicators.length, geos.length, periods.length],
    role: { time: ['time'], geo: ['geo'], metric: ['indicator'] },
    dimension: {
      indicator: {
        label: 'Indicator',
        category: {
          index: indicators,
          label: Object.fromEntries(indicators.map((c) => [c, catalogue.indicators.get(c)?.name ?? c])),
          unit: Object.fromEntries(
            indicators.map((c) => {
              const label = context.unitLabels?.[c];
              if (label) return [c, { label }];
              const unit = catalogue.indicators.get(c)?.unit ?? 'count';
              return [c, { label: UNITS[unit] ?? unit }];
            }),
          ),
        },
      },
      geo: {
        label: 'Geopolitical entity',
        category: { index: geos, label: Object.fromEntries(geos.map((c) => [c, catalogue.geos.get(c)?.name ?? c])) },
      },
      time: {
        label: 'Time period',
        category: { index: periods, label: Object.fromEntries(periods.map((p) => [p, p])) },
      },
    },
    value,
    extension: { dataVersion: context.dataVersion, asOf: context.asOf, sources, ...context.extension },
  };
  if (Object.keys(status).length) dataset.status = status;
  return dataset;
}
