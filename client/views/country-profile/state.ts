import type { GeoProfileResponse, ProfileIndicator } from '../../../server/shared/api/analytics';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import { analyticsApi, catalogueApi } from '../../api/client';
import { type CellContext, cellApi } from '../../api/cells';
import type { TrendPoint } from '../../charts/line-chart';
import type { ViewState } from '../../state/url-state';
import { yearOf } from '../view-parts';
import { currentLocale, t } from '../../i18n/i18n';
import { formatNumber } from '../../../server/shared/i18n/format';

/** A country profile (a geo's core indicators): the analytics answer, and the counts behind each sparkline. */
export interface CountryProfile {
  answer: GeoProfileResponse;
  sparks: Map<string, TrendPoint[]>;
  /** Each indicator's cells' notes and version counts, by cellKeyOf (issue 20, item 9). */
  contexts: Map<string, CellContext>;
}

/** The geo a country profile shows: the one in the URL, else the reference group. */
export function countryProfileGeo(state: ViewState): string {
  return state.id ?? REFERENCE_GROUP;
}

async function sparklines(geo: string, codes: string[], asOf: string | null): Promise<Map<string, TrendPoint[]>> {
  if (!codes.length) return new Map();
  const answer = await catalogueApi.observations({ indicator: codes, geo: [geo], asOf });
  const byIndicator = new Map<string, TrendPoint[]>();
  for (const o of answer.data) {
    const list = byIndicator.get(o.indicator) ?? [];
    list.push({ year: yearOf(o.period), value: o.value, flags: o.flags });
    byIndicator.set(o.indicator, list);
  }
  return byIndicator;
}

/** Loads the country profile of `geo`, keeping the indicators that have data. */
export async function loadCountryProfile(geo: string, asOf: string | null): Promise<CountryProfile> {
  const answer = await analyticsApi.countryProfile(geo, { asOf });
  const withData = answer.indicators.filter((r) => r.period !== null);
  const codes = withData.map((r) => r.indicator.code);
  const [sparks, contexts] = await Promise.all([
    sparklines(geo, codes, asOf),
    codes.length
      ? cellApi.context({ indicator: codes, geo: [geo], asOf }).catch(() => new Map<string, CellContext>())
      : new Map<string, CellContext>(),
  ]);
  return { answer: { ...answer, indicators: withData }, sparks, contexts };
}

export function trendText(row: ProfileIndicator): string {
  if (!row.trend) return t('profile.no-trend');
  const direction = t('profile.direction', { direction: row.trend.direction.replace(/ /g, '-') });
  const span = `${row.trend.from}–${row.trend.to}`;
  if (row.trend.mannKendallP === null) return t('profile.trend-text', { direction, span });
  const p = row.trend.mannKendallP;
  const locale = currentLocale();
  const pText =
    p < 0.01
      ? t('trends.p-below', { limit: formatNumber(0.01, locale) })
      : t('profile.p-equals', { p: formatNumber(p, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
  return t('profile.trend-text-p', { direction, span, p: pText });
}

/** The year a row's rate belongs to, when it is not the row's year (no population yet for the latest count). */
export function rateYearIfOther(row: ProfileIndicator): string | null {
  return row.rate && row.ratePeriod && row.ratePeriod !== row.period ? row.ratePeriod : null;
}

/** The year the EU rank was taken in, when it is not the row's year. */
export function rankYearIfOther(row: ProfileIndicator): string | null {
  return row.rankBasis && row.rankBasis.period !== row.period ? row.rankBasis.period : null;
}

/** A value with its year beside it when that year is not the row's: "1.09 (2021)". */
export function withYear(value: string, year: string | null): string {
  return year ? t('numbers.value-year', { value, year }) : value;
}

/** The rank as shown: "16 of 27", with the year and measure it was taken in when they are not the row's. */
export function rankText(row: ProfileIndicator): string {
  if (!row.euRank) return '—';
  const rank = t('profile.rank-of', { rank: row.euRank, of: row.euMembersRanked });
  const year = rankYearIfOther(row);
  return year ? t('numbers.rank-year', { rank, year, measure: row.rankBasis!.measure }) : rank;
}
