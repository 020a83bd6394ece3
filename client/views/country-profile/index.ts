import type { GeoProfileResponse, ProfileIndicator } from '../../../server/shared/api/analytics';
import { formatValue } from '../../charts/format';
import type { TrendPoint } from '../../charts/line-chart';
import { renderSparkline } from '../../charts/sparkline';
import { errorBox, h, setSvg } from '../../components/dom';
import { saveCsv } from '../../components/downloads';
import { sortableTable, tableCsv, type TableSpec } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import { regionsSection } from './regions-section';
import type { ViewState } from '../../state/url-state';
import { practiceList } from '../practice-links';
import { asOfHref, effectiveMeasure, loadCatalogue, viewHeader } from '../view-parts';
import { loadCountryProfile, countryProfileGeo, trendText } from './state';

function sparkCell(points: TrendPoint[] | undefined, name: string): Node {
  const holder = h('span', { class: 'spark' });
  if (points?.length) setSvg(holder, renderSparkline(points, { title: `${name}: trend of the counts` }));
  else holder.textContent = '—';
  return holder;
}

function countryProfileTable(
  answer: GeoProfileResponse,
  sparks: Map<string, TrendPoint[]>,
  context: ViewContext,
): TableSpec<ProfileIndicator> {
  return {
    caption: `Core indicators for ${answer.geo.name}: latest value, trend and EU rank`,
    rows: answer.indicators,
    columns: [
      {
        key: 'name',
        label: 'Indicator',
        value: (r) => r.indicator.name,
        cell: (r) =>
          h('a', {
            href: context.hrefFor({ view: 'trends', id: null, indicator: r.indicator.code, geos: [answer.geo.code] }),
            text: r.indicator.name,
          }),
      },
      { key: 'period', label: 'Year', value: (r) => r.period, numeric: true },
      {
        key: 'count',
        label: 'Count',
        value: (r) => r.count?.value ?? null,
        format: (r) => formatValue(r.count?.value, 'count'),
        numeric: true,
      },
      {
        key: 'rate',
        label: 'Per 100,000',
        value: (r) => r.rate?.value ?? null,
        format: (r) => (r.rate ? formatValue(r.rate.value, 'rate') : '—'),
        numeric: true,
      },
      { key: 'flags', label: 'Flags', value: (r) => r.flags },
      { key: 'trend', label: 'Trend', value: (r) => trendText(r) },
      {
        key: 'spark',
        label: 'Sparkline',
        value: () => null,
        cell: (r) => sparkCell(sparks.get(r.indicator.code), r.indicator.name),
      },
      {
        key: 'rank',
        label: 'EU rank',
        value: (r) => r.euRank,
        format: (r) => (r.euRank ? `${r.euRank} of ${r.euMembersRanked}` : '—'),
        numeric: true,
      },
    ],
  };
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const code = countryProfileGeo(state);
  const catalogue = await loadCatalogue();
  const geo = catalogue.geoByCode.get(code);
  if (!geo) {
    container.replaceChildren(
      viewHeader('Country profile', ''),
      errorBox(`Unknown geo "${code}". Choose a country on the Explore map.`),
    );
    return { update: () => false };
  }
  try {
    const { answer, sparks } = await loadCountryProfile(code, state.asOf);
    const table = countryProfileTable(answer, sparks, context);
    const download = h('button', { type: 'button', class: 'download', text: 'Download CSV' });
    download.addEventListener('click', () => saveCsv(tableCsv(table), `profile-${code}.csv`));
    const groups = answer.geo.groups.length ? `Member of ${answer.geo.groups.join(', ')}.` : '';
    const version = answer.meta.dataVersion;
    container.replaceChildren(
      viewHeader(
        `${answer.geo.name} (${code})`,
        `Country profile: every core indicator with data, its latest value, trend and rank among EU members. ${groups}`,
      ),
      h('div', { class: 'downloads' }, download),
      sortableTable(table),
      h(
        'p',
        { class: 'source' },
        `Sources: Eurostat crim_off_cat and tps00001; World Bank WDI. Data version ${version ?? 'unknown'}. `,
        version ? h('a', { href: asOfHref(context, version)!, text: 'Link to this data version (asOf)' }) : '',
      ),
      await regionsSection(
        code,
        state.indicator,
        effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure),
        context,
      ),
      h(
        'section',
        { 'aria-labelledby': 'profile-practices' },
        h('h3', { id: 'profile-practices', text: `Prevention practices in ${answer.geo.name}` }),
        await practiceList({ geo: code }, context),
      ),
    );
  } catch (error) {
    container.replaceChildren(
      viewHeader(geo.name, ''),
      errorBox(`The country profile could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return { update: () => false };
}
