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
import { profilePracticesSection } from './practices-section';
import { asOfHref, effectiveMeasure, loadCatalogue, viewHeader } from '../view-parts';
import { loadCountryProfile, countryProfileGeo, trendText } from './state';
import { formatList } from '../../../server/shared/i18n/format';
import { formatVersion } from '../../components/chart-panel';
import { currentLocale, geoName, t } from '../../i18n/i18n';

function sparkCell(points: TrendPoint[] | undefined, name: string): Node {
  const holder = h('span', { class: 'spark' });
  if (points?.length) setSvg(holder, renderSparkline(points, { title: t('profile.sparkline', { name }) }));
  else holder.textContent = '—';
  return holder;
}

function countryProfileTable(
  answer: GeoProfileResponse,
  sparks: Map<string, TrendPoint[]>,
  context: ViewContext,
): TableSpec<ProfileIndicator> {
  return {
    caption: t('profile.caption', { name: geoName(answer.geo.code, answer.geo.name) }),
    rows: answer.indicators,
    columns: [
      {
        key: 'name',
        label: t('component.indicator'),
        value: (r) => r.indicator.name,
        cell: (r) =>
          h('a', {
            href: context.hrefFor({ view: 'trends', id: null, indicator: r.indicator.code, geos: [answer.geo.code] }),
            text: r.indicator.name,
          }),
      },
      { key: 'period', label: t('component.year'), value: (r) => r.period, numeric: true },
      {
        key: 'count',
        label: t('views.measure-count'),
        value: (r) => r.count?.value ?? null,
        format: (r) => formatValue(r.count?.value, 'count', currentLocale()),
        numeric: true,
      },
      {
        key: 'rate',
        label: t('profile.per-100k'),
        value: (r) => r.rate?.value ?? null,
        format: (r) => (r.rate ? formatValue(r.rate.value, 'rate', currentLocale()) : '—'),
        numeric: true,
      },
      { key: 'flags', label: t('views.flags'), value: (r) => r.flags },
      { key: 'trend', label: t('profile.trend'), value: (r) => trendText(r) },
      {
        key: 'spark',
        label: t('profile.sparkline-column'),
        value: () => null,
        cell: (r) => sparkCell(sparks.get(r.indicator.code), r.indicator.name),
      },
      {
        key: 'rank',
        label: t('profile.eu-rank'),
        value: (r) => r.euRank,
        format: (r) => (r.euRank ? t('profile.rank-of', { rank: r.euRank, of: r.euMembersRanked }) : '—'),
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
    container.replaceChildren(viewHeader(t('shell.title-profile'), ''), errorBox(t('profile.unknown-geo', { code })));
    return { update: () => false };
  }
  try {
    const { answer, sparks } = await loadCountryProfile(code, state.asOf);
    const table = countryProfileTable(answer, sparks, context);
    const download = h('button', { type: 'button', class: 'download', text: t('component.download-csv') });
    download.addEventListener('click', () => saveCsv(tableCsv(table), `${t('profile.file-stem', { code })}.csv`));
    const groups = answer.geo.groups.length
      ? t('profile.member-of', { groups: formatList(answer.geo.groups, currentLocale()) })
      : '';
    const name = geoName(answer.geo.code, answer.geo.name);
    const version = answer.meta.dataVersion;
    container.replaceChildren(
      viewHeader(`${name} (${code})`, `${t('profile.intro')} ${groups}`.trim()),
      h('div', { class: 'downloads' }, download),
      sortableTable(table),
      h(
        'p',
        { class: 'source' },
        `${t('profile.sources', { version: formatVersion(version) })} `,
        version ? h('a', { href: asOfHref(context, version)!, text: t('component.as-of-link') }) : '',
      ),
      await regionsSection(
        code,
        state.indicator,
        effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure),
        context,
      ),
      await profilePracticesSection(code, name, catalogue, context),
    );
  } catch (error) {
    container.replaceChildren(
      viewHeader(geoName(geo.code, geo.name), ''),
      errorBox(t('profile.load-failed', { message: error instanceof Error ? error.message : String(error) })),
    );
  }
  return { update: () => false };
}
