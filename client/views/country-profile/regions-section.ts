import { countryRegions } from '../../api/regions';
import { formatValue, measureUnit } from '../../charts/format';
import { h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { t } from '../../i18n/i18n';
import type { RegionLatest, RegionsAnswer } from '../../../server/shared/api/regions';
import type { ViewContext } from '../view-context';

/** The NUTS level a country profile lists: NUTS 2, the level most countries' regional policing works at. */
export const PROFILE_REGION_LEVEL = 2;

/** The regions worth listing: those with a value, and territorial ones without (they show as gaps). */
export function listedRegions(answer: RegionsAnswer): RegionLatest[] {
  return answer.regions.filter((r) => r.territorial || r.value !== null);
}

/**
 * A country profile's regions (issue 19): each NUTS 2 region with its latest value of the indicator,
 * or nothing when the observatory holds no regional figure for the country.
 */
export async function regionsSection(
  country: string,
  indicator: string,
  measure: 'count' | 'rate',
  context: ViewContext,
): Promise<HTMLElement> {
  const heading = h('h3', { id: 'profile-regions', text: t('regions.profile-heading') });
  const section = h('section', { 'aria-labelledby': 'profile-regions' }, heading);
  const answer = await countryRegions(country, { indicator, level: PROFILE_REGION_LEVEL, measure }).catch(() => null);
  const regions = answer ? listedRegions(answer) : [];
  if (!answer || !regions.some((r) => r.value !== null)) {
    section.append(h('p', { text: t('regions.profile-none') }));
    return section;
  }
  const unit = measureUnit(answer.measure);
  section.append(
    h('p', { text: t('regions.profile-intro', { indicator: answer.indicator.name, level: answer.level }) }),
    answer.measure === 'rate' && regions.some((r) => r.rateSource)
      ? h('p', { class: 'notice', text: t('regions.published-rate') })
      : '',
    answer.measure === 'count' ? h('p', { class: 'notice', text: t('regions.count-warning') }) : '',
    sortableTable<RegionLatest>({
      caption: `${t('regions.profile-heading')}: ${answer.country.name}, ${answer.indicator.name}`,
      rows: regions,
      sortBy: 'geo',
      columns: [
        { key: 'geo', label: t('regions.column-region'), value: (r) => `${r.name} (${r.geo})` },
        { key: 'period', label: t('regions.column-period'), value: (r) => r.period ?? '—' },
        {
          key: 'value',
          label: t('regions.column-value', { unit }),
          value: (r) => r.value,
          format: (r) => formatValue(r.value, answer.measure),
          numeric: true,
        },
        { key: 'flags', label: t('regions.column-flags'), value: (r) => r.flags },
        {
          key: 'rateSource',
          label: t('regions.column-rate-source'),
          value: (r) => (r.rateSource ? t('regions.rate-source-eurostat') : ''),
        },
      ],
    }),
    h(
      'p',
      {},
      h('a', {
        href: context.hrefFor({
          view: 'explore',
          id: null,
          indicator,
          facets: { level: String(PROFILE_REGION_LEVEL), within: country },
        }),
        text: t('regions.profile-map'),
      }),
    ),
  );
  return section;
}
