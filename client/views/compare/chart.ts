import { renderBarChart } from '../../charts/bar-chart';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale } from '../../i18n/i18n';
import { geoLabel } from '../geo-label';
import { compareDescription } from './description';
import { type ChartSubset, chartSubset, isRegional, ranksOf } from './scope';
import { barRows, type Comparison } from './state';

/** The ranked chart of a comparison: what it shows, its SVG, and which bars it drew (view and embed alike). */
export interface RankedChart {
  description: ChartDescription;
  svg: string;
  subset: ChartSubset;
}

/**
 * Countries: every member against the group's aggregate line. Regions: the ends of the ranking when
 * there are many (chartSubset), and no aggregate line, as a country's total drawn over its regions'
 * bars would read as one more region.
 */
export function rankedChart(
  loaded: Comparison,
  highlighted: string[],
  options: { width: number; countryName: (code: string) => string; aggregateLabel?: string },
): RankedChart {
  const { main, scope } = loaded;
  const description = compareDescription(main, scope, options.countryName);
  const rows = barRows(main, highlighted);
  const regional = isRegional(scope);
  const subset = regional
    ? chartSubset(rows, ranksOf(main))
    : {
        bars: rows,
        ranked: rows.filter((r) => r.value !== null).length,
        withoutData: 0,
        extraRegio: 0,
        partial: false,
      };
  const svg = renderBarChart(subset.bars, {
    title: description.title,
    measure: main.measure,
    locale: currentLocale(),
    width: options.width,
    aggregate:
      main.aggregate && !regional
        ? {
            label: options.aggregateLabel ?? geoLabel(main.group),
            value: main.aggregate.withheld ? null : main.aggregate.value,
          }
        : undefined,
  });
  return { description, svg, subset };
}
