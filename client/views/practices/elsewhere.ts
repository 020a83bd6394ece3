import { analyticsApi, practiceApi } from '../../api/client';
import { h } from '../../components/dom';
import { currentLocale, geoName, t } from '../../i18n/i18n';
import { practiceCard } from '../practice-links';
import type { ViewContext } from '../view-context';
import type { Catalogue } from '../view-parts';
import { formatList } from '../../../server/shared/i18n/format';

/** The offences and indicators a country reports figures on (its profile's indicators with a count), population aside. */
export async function reportedIndicators(geo: string, catalogue: Catalogue): Promise<string[]> {
  const profile = await analyticsApi.countryProfile(geo, {});
  const reported = profile.indicators.filter((i) => i.count !== null);
  const offences = reported.filter((i) => catalogue.indicatorByCode.get(i.indicator.code)?.iccs);
  return (offences.length ? offences : reported).map((i) => i.indicator.code);
}

/**
 * For a country without practices in the catalogue (France): the practices run elsewhere that target
 * the same offences or indicators, strongest evidence first (issue 20). `indicators`: the problem the
 * reader chose; by default every offence the country reports figures on.
 */
export async function practicesElsewhere(
  geo: string,
  catalogue: Catalogue,
  context: ViewContext,
  options: { indicators?: string[]; headingLevel?: 'h3' | 'h4' } = {},
): Promise<HTMLElement> {
  const headingLevel = options.headingLevel ?? 'h3';
  const id = `elsewhere-${geo}`;
  const indicators = options.indicators?.length ? options.indicators : await reportedIndicators(geo, catalogue);
  const answer = indicators.length
    ? await practiceApi.search({ indicator: indicators.join(','), sort: 'rating', pageSize: 6 })
    : null;
  const shown = answer?.data.filter((p) => !p.geos.includes(geo)) ?? [];
  const locale = currentLocale();
  const names = formatList(
    indicators.slice(0, 6).map((code) => catalogue.indicatorByCode.get(code)?.name ?? code),
    locale,
  );
  const country = geoName(geo, catalogue.geoByCode.get(geo)?.name);
  return h(
    'section',
    { class: 'practices-elsewhere', 'aria-labelledby': id },
    h(headingLevel, { id, text: t('practice-find.elsewhere-heading', { country }) }),
    h('p', {
      text: t('practice-find.elsewhere-intro', {
        country,
        indicators: names,
        more: Math.max(0, indicators.length - 6),
      }),
    }),
    shown.length
      ? h('ul', { class: 'grid plain-list' }, ...shown.map((p) => practiceCard(p, context, 'h4')))
      : h('p', { text: t('practice-find.elsewhere-none') }),
  );
}
