import { h, setSvg, uniqueId } from './dom';
import { chartSvg, saveCsv, savePng, saveSvg } from './downloads';
import { type ChartDescription, csvTable, embedSnippet } from './export-meta';
import { sortableTable, tableCsv, type TableSpec } from './sortable-table';
import { frameChart } from '../charts/export-frame';
import { formatDate } from '../../server/shared/i18n/format';
import { DATA_LICENCE } from '../../server/shared/licence';
import { currentLocale, t } from '../i18n/i18n';

export interface SourceLine {
  source: string;
  dataVersion: string | null;
  /** Link to this same view pinned to the data version (asOf), so the chart can be reproduced. */
  asOfHref: string | null;
  asOf?: string | null;
}

export interface ChartPanelSpec<Row> {
  title: string;
  fileStem: string;
  tab: TabName;
  onTab: (tab: TabName) => void;
  table: TableSpec<Row>;
  source: SourceLine;
  /** Notes shown under the chart (credits, reading help). */
  notes?: (Node | string)[];
  /** What the chart shows (its visible title); `describe` replaces it when the chart is repainted. */
  description?: ChartDescription;
}

export interface ChartPanel {
  element: HTMLElement;
  /** The element that holds the chart's SVG (views attach hover and click handlers to it). */
  chart: HTMLElement;
  setSvg: (svg: string) => void;
  setTable: <Row>(table: TableSpec<Row>) => void;
  /** Shows a tab without telling the view (used when the URL already says so). */
  showTab: (tab: TabName) => void;
  /** Sets what the chart shows: its title and subtitle on screen, and what its downloads and embed say. */
  describe: (description: ChartDescription) => void;
}

/** A data version (an ISO instant) as a reader's date and time, in UTC. */
export function formatVersion(version: string | null): string {
  if (!version || Number.isNaN(Date.parse(version))) return version ?? t('component.unknown');
  return t('component.utc', {
    time: formatDate(version, currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }),
  });
}

function sourceLine(source: SourceLine): HTMLElement {
  const version = formatVersion(source.dataVersion);
  return h(
    'p',
    { class: 'source' },
    source.asOf
      ? t('component.source-as-of', { source: source.source, version, asOf: formatVersion(source.asOf) })
      : t('component.source', { source: source.source, version }),
    ' ',
    source.asOfHref ? h('a', { href: source.asOfHref, text: t('component.as-of-link') }) : '',
  );
}

type TabName = 'chart' | 'table';

function tabList(ids: Record<TabName, string>, choose: (tab: TabName, focus: boolean) => void): HTMLElement {
  const tabs = (['chart', 'table'] as const).map((name) => {
    const button = h('button', {
      type: 'button',
      role: 'tab',
      id: `${ids[name]}-tab`,
      'aria-controls': ids[name],
      'data-tab': name,
      text: name === 'chart' ? t('component.tab-chart') : t('component.tab-table'),
    });
    button.addEventListener('click', () => choose(name, true));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      choose(name === 'chart' ? 'table' : 'chart', true);
    });
    return button;
  });
  return h('div', { role: 'tablist', 'aria-label': t('component.show-as'), class: 'tabs' }, ...tabs);
}

export function chartPanel<Row>(spec: ChartPanelSpec<Row>): ChartPanel {
  const ids = { chart: uniqueId('chart'), table: uniqueId('table') };
  const chart = h('div', { class: 'chart-area' });
  const chartPanelElement = h(
    'div',
    { role: 'tabpanel', id: ids.chart, 'aria-labelledby': `${ids.chart}-tab`, hidden: spec.tab !== 'chart' },
    chart,
    ...(spec.notes ?? []),
  );
  const tablePanel = h('div', {
    role: 'tabpanel',
    id: ids.table,
    'aria-labelledby': `${ids.table}-tab`,
    hidden: spec.tab !== 'table',
  });
  let table = spec.table as TableSpec<unknown>;
  let tableDrawn = false;
  // The table is built when it is shown: repaints of the chart (a year, an indicator) stay cheap.
  const drawTable = () => {
    tableDrawn = !tablePanel.hidden;
    if (tableDrawn) tablePanel.replaceChildren(sortableTable(table));
  };
  let description = spec.description ?? null;
  const heading = h('h3', { class: 'chart-title' });
  const subtitle = h('p', { class: 'chart-subtitle' });
  const embed = h('div', { class: 'embed-slot' });
  const stamp = () => ({
    source: spec.source.source,
    licence: DATA_LICENCE.name,
    dataVersion: spec.source.dataVersion,
    asOf: spec.source.asOf ?? null,
  });
  const fileStem = () => description?.fileStem ?? spec.fileStem;
  const button = (label: string, action: () => void | Promise<void>) => {
    const b = h('button', { type: 'button', class: 'download', text: label });
    b.addEventListener('click', () => void action());
    return b;
  };
  // The image downloads carry title, subtitle, unit, source, licence, data version and this view's address.
  const framed = () => {
    const svg = chart.querySelector('svg');
    if (!svg) return null;
    const drawn = chartSvg(svg);
    const version = formatVersion(spec.source.dataVersion);
    return frameChart(drawn.svg, drawn, {
      title: description?.title ?? spec.title,
      subtitle: description?.subtitle,
      unit: description?.unit ?? '',
      source: spec.source.source,
      licence: `${DATA_LICENCE.name} (${DATA_LICENCE.url})`,
      dataVersion: spec.source.asOf ? t('component.version-as-of', { version, asOf: spec.source.asOf }) : version,
      url: location.href,
      credit: description?.credit,
    });
  };
  const downloads = h(
    'div',
    { class: 'downloads', role: 'group', 'aria-label': t('component.download-group', { title: spec.title }) },
    button(t('component.download-csv'), () => {
      const rows = description ? csvTable(table, description, stamp()) : table;
      saveCsv(tableCsv(rows), `${fileStem()}.csv`);
    }),
    button(t('component.download-svg'), () => {
      const file = framed();
      if (file) saveSvg(file.svg, `${fileStem()}.svg`);
    }),
    button(t('component.download-png'), async () => {
      const file = framed();
      if (file) await savePng(file.svg, file, `${fileStem()}.png`);
    }),
  );
  const describe = (next: ChartDescription) => {
    description = next;
    heading.textContent = next.title;
    subtitle.textContent = next.subtitle ?? '';
    subtitle.hidden = !next.subtitle;
    embed.replaceChildren(next.embedPath ? embedDetails(next) : '');
  };
  if (description) describe(description);
  const tabs = tabList(ids, (tab, focus) => {
    showTab(tab);
    if (focus) (tabs.querySelector(`[data-tab="${tab}"]`) as HTMLElement).focus();
    spec.onTab(tab);
  });
  const showTab = (tab: TabName) => {
    for (const button of tabs.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const selected = button.dataset.tab === tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    chartPanelElement.hidden = tab !== 'chart';
    tablePanel.hidden = tab !== 'table';
    if (!tablePanel.hidden && !tableDrawn) drawTable();
  };
  showTab(spec.tab);
  const element = h(
    'section',
    { class: 'chart-panel', 'aria-label': spec.title },
    heading,
    subtitle,
    h('div', { class: 'panel-bar' }, tabs, downloads),
    chartPanelElement,
    tablePanel,
    // Below the chart: the chart and its legend stay above the fold at 1366×900 (test/browser/layout.test.ts).
    embed,
    sourceLine(spec.source),
  );
  heading.hidden = !description;
  return {
    showTab,
    describe: (next) => {
      heading.hidden = false;
      describe(next);
    },
    element,
    chart,
    setSvg: (svg) => setSvg(chart, svg),
    setTable: (next) => {
      table = next as TableSpec<unknown>;
      tableDrawn = false;
      drawTable();
    },
  };
}

/** "Embed this chart": the `<iframe>` snippet of the embed route with this chart's URL state, ready to copy. */
function embedDetails(description: ChartDescription): HTMLElement {
  const id = uniqueId('embed');
  const src = new URL(description.embedPath!, location.href).href;
  const code = h('textarea', { id, readonly: true, rows: 3, class: 'embed-code' }) as HTMLTextAreaElement;
  code.value = embedSnippet(src, description.title);
  code.addEventListener('focus', () => code.select());
  return h(
    'details',
    { class: 'embed' },
    h('summary', { text: t('component.embed') }),
    h('label', { for: id, text: t('component.embed-label') }),
    code,
    h(
      'p',
      { class: 'hint' },
      t('component.embed-hint'),
      ' ',
      h('a', { href: src, target: '_blank', rel: 'noopener', text: t('component.embed-preview') }),
    ),
  );
}
