import type { ProfileIndicator } from '../../../server/shared/api/analytics';
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
import { cellKeyOf } from '../../api/cells';
import { cellContextText, cellHistoryButton } from '../../components/cell-history';
import {
  type CountryProfile,
  countryProfileGeo,
  loadCountryProfile,
  rankText,
  rankYearIfOther,
  rateYearIfOther,
  trendText,
  withYear,
} from './state';
import { formatList } from '../../../server/shared/i18n/format';
import { formatVersion } from '../../components/chart-panel';
import { currentLocale, t } from '../../i18n/i18n';
import { geoLabel, geoLabelWithCode } from '../geo-label';

function sparkCell(points: TrendPoint[] | undefined, name: string): Node {
  const holder = h('span', { class: 'spark' });
  if (points?.length) setSvg(holder, renderSparkline(points, { title: t('profile.sparkline', { name }) }));
  else holder.textContent = '—';
  return holder;
}

function countryProfileTable(
  { answer, sparks, contexts }: CountryProfile,
  context: ViewContext,
): TableSpec<ProfileIndicator> {
  // The row's cell is the latest count's: the figure the row's year names.
  const cellOf = (r: ProfileIndicator) => ({ geo: answer.geo.code, indicator: r.indicator.code, period: r.period! });
  const contextOf = (r: ProfileIndicator) => contexts.get(cellKeyOf(cellOf(r)));
  return {
    caption: t('profile.caption', { name: geoLabel(answer.geo.code, answer.geo.name) }),
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
        format: (r) =>
          r.rate ? withYear(formatValue(r.rate.value, 'rate', currentLocale()), rateYearIfOther(r)) : '—',
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
        format: (r) => rankText(r),
        numeric: true,
      },
      {
        key: 'history',
        label: t('history.column'),
        value: (r) => cellContextText(contextOf(r)),
        cell: (r) =>
          cellHistoryButton(
            { ...cellOf(r), label: `${r.indicator.name}, ${geoLabel(answer.geo.code, answer.geo.name)}` },
            contextOf(r),
          ),
      },
    ],
  };
}

/** The CSV says in its own columns which year each rate and rank is of, so a spreadsheet cannot pair them wrongly. */
function profileCsvTable(table: TableSpec<ProfileIndicator>): TableSpec<ProfileIndicator> {
  const columns = table.columns.filter((c) => c.key !== 'spark');
  const history = columns.findIndex((c) => c.key === 'history');
  columns.splice(history, 1, { ...columns[history]!, label: t('history.note-column') });
  const at = columns.findIndex((c) => c.key === 'rate') + 1;
  columns.splice(at, 0, {
    key: 'ratePeriod',
    label: t('numbers.rate-year'),
    value: (r) => (r.rate ? r.ratePeriod : null),
  });
  columns.push(
    { key: 'rankMeasure', label: t('numbers.rank-measure'), value: (r) => r.rankBasis?.measure ?? null },
    { key: 'rankPeriod', label: t('numbers.rank-year-column'), value: (r) => r.rankBasis?.period ?? null },
  );
  return { ...table, columns };
}

/** Said once under the table when some rate or rank is of an earlier year than its row's count. */
function olderYearsNote(rows: ProfileIndicator[]): HTMLElement | '' {
  return rows.some((r) => rateYearIfOther(r) || rankYearIfOther(r))
    ? h('p', { class: 'notice', 'data-older-years': '', text: t('numbers.profile-older-years') })
    : '';
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
    const profile = await loadCountryProfile(code, state.asOf);
    const { answer } = profile;
    const table = countryProfileTable(profile, context);
    const download = h('button', { type: 'button', class: 'download', text: t('component.download-csv') });
    download.addEventListener('click', () =>
      saveCsv(tableCsv(profileCsvTable(table)), `${t('profile.file-stem', { code })}.csv`),
    );
    const groups = answer.geo.groups.length
      ? t('profile.member-of', {
          groups: formatList(
            answer.geo.groups.map((g) => geoLabel(g, catalogue.geoByCode.get(g)?.name)),
            currentLocale(),
          ),
        })
      : '';
    const name = geoLabel(answer.geo.code, answer.geo.name);
    const version = answer.meta.dataVersion;
    container.replaceChildren(
      viewHeader(geoLabelWithCode(code, answer.geo.name), `${t('profile.intro')} ${groups}`.trim()),
      h('div', { class: 'downloads' }, download),
      sortableTable(table),
      olderYearsNote(answer.indicators),
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
      viewHeader(geoLabel(geo.code, geo.name), ''),
      errorBox(t('profile.load-failed', { message: error instanceof Error ? error.message : String(error) })),
    );
  }
  return { update: () => false };
}
