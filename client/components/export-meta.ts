import type { Column, TableSpec } from './sortable-table';
import { t } from '../i18n/i18n';

/**
 * What a chart is, for its title, its downloads and its embed: the indicator, measure (unit), geo or
 * group, and period. One description per painted chart; the panel shows it and every download carries it.
 */
export interface ChartDescription {
  /** Indicator, measure, geo or group, period: "Intentional homicide per 100,000 inhabitants, EU members, 2021". */
  title: string;
  subtitle?: string;
  indicator: string;
  unit: string;
  /** The period shown: "2021" or "2008–2022". */
  period: string;
  /** The downloads' file name without extension; it carries the period. */
  fileStem: string;
  /** A credit the chart's parts require (the map's boundaries). */
  credit?: string;
  /** The embed route of this chart with its URL state (absent: the chart offers no embed). */
  embedPath?: string;
}

export interface DataStamp {
  source: string;
  licence: string;
  /** The data version (an ISO instant), or the pinned vintage's. */
  dataVersion: string | null;
  asOf?: string | null;
}

/** A table's columns plus what every row of the CSV must say about itself (indicator, unit, period, source, version). */
export function csvTable<Row>(table: TableSpec<Row>, chart: ChartDescription, stamp: DataStamp): TableSpec<Row> {
  const has = (key: string) => table.columns.some((c) => c.key === key);
  const constant = (key: string, label: string, value: string | null): Column<Row> => ({
    key,
    label,
    value: () => value,
  });
  const extra = [
    has('indicator') ? null : constant('indicator', t('component.csv-indicator'), chart.indicator),
    constant('unit', t('component.csv-unit'), chart.unit),
    has('year') || has('period') ? null : constant('period', t('component.csv-period'), chart.period),
    constant('source', t('component.csv-source'), stamp.source),
    constant('licence', t('component.csv-licence'), stamp.licence),
    constant('dataVersion', t('component.csv-data-version'), stamp.dataVersion),
    stamp.asOf ? constant('asOf', t('component.csv-as-of'), stamp.asOf) : null,
  ].filter((c): c is Column<Row> => c !== null);
  return { ...table, columns: [...table.columns, ...extra] };
}

/** The `<iframe>` a reader pastes into a page or report to show this chart, live, with its URL state. */
export function embedSnippet(src: string, title: string, height = 600): string {
  const quoted = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${quoted(src)}" title="${quoted(title)}" width="100%" height="${height}" frameborder="0" loading="lazy"></iframe>`;
}
