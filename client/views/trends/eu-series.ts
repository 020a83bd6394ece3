import type { CompareResponse } from '../../../server/shared/api/analytics';
import type { TrendPoint, TrendSeries } from '../../charts/line-chart';
import { formatShare } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';

function share(aggregate: NonNullable<CompareResponse['aggregate']>, flag: string): string {
  return formatShare(aggregate.flagShares[flag] ?? 0, currentLocale(), 0);
}

/**
 * The EU aggregate as a series, from the group aggregate of /api/compare for each year (a sum of
 * counts or a population-weighted rate, by the indicator's rule). Withheld years are gaps. The line
 * breaks only where the aggregate itself is not comparable: where it carries b by the weighted flag
 * rule, or, for rates, where the population source of the aggregate changes (its d flag starts or stops).
 */
export function aggregateSeriesFrom(
  answers: (CompareResponse | null)[],
  years: number[],
  group: string,
  label: string,
): TrendSeries {
  let previousD: boolean | null = null;
  const points = answers.map((answer, i): TrendPoint => {
    const aggregate = answer?.aggregate;
    const year = years[i]!;
    if (!aggregate || aggregate.withheld || aggregate.value === null) return { year, value: null, flags: '' };
    const d = answer.measure === 'rate' && aggregate.flags.includes('d');
    let breakReason: string | undefined;
    if (aggregate.flags.includes('b')) {
      breakReason = t('trends.eu-break', { share: share(aggregate, 'b') });
    } else if (previousD !== null && d !== previousD) {
      breakReason = d
        ? t('trends.eu-population-mid-year', { share: share(aggregate, 'd') })
        : t('trends.eu-population-january');
    }
    previousD = d;
    return { year, value: aggregate.value, flags: aggregate.flags, ...(breakReason ? { breakReason } : {}) };
  });
  return { geo: group, label, aggregate: true, points };
}
