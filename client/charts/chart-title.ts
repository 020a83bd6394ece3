import { formatList, type Locale } from '../../server/shared/i18n';
import { t } from '../i18n/i18n';

/**
 * A chart's title says what it shows: indicator, measure (its unit), geo or group, and period, e.g.
 * "Intentional homicide, per 100,000 inhabitants: Germany, France and the EU, 2008–2022". More than
 * four geos are counted in the title and named in the subtitle.
 */
export interface TitleParts {
  indicator: string;
  unit: string;
  /** The geos' names (in order), or a group's description ("EU member states"). */
  where: string[] | string;
  /** "2021", or a first and last year. */
  period: string | { from: number; to: number };
  locale: Locale;
}

const MOST_NAMED = 4;

export function periodText(period: TitleParts['period']): string {
  if (typeof period === 'string') return period;
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

export function chartTitle(parts: TitleParts): { title: string; subtitle?: string } {
  const names = typeof parts.where === 'string' ? null : parts.where;
  const where =
    names === null
      ? (parts.where as string)
      : names.length <= MOST_NAMED
        ? formatList(names, parts.locale)
        : t('chart.geo-count', { count: names.length });
  const title = t('chart.title', {
    indicator: parts.indicator,
    unit: parts.unit,
    where,
    period: periodText(parts.period),
  });
  return names && names.length > MOST_NAMED ? { title, subtitle: formatList(names, parts.locale) } : { title };
}
