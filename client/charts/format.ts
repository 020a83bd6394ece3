import { formatNumber, type Locale, numberFormat } from '../../server/shared/i18n';
import { t } from '../i18n/i18n';

/**
 * Number formats shared by charts, tables and tooltips, in the reader's language (Intl): "1,234.56"
 * in English, "1 234,56" in French, "1.234,56" in Dutch and German. Charts take the locale in their
 * options, so their output is reproducible; English is the default.
 */
export type Measure = 'count' | 'rate';

export function formatValue(value: number | null | undefined, measure: Measure, locale: Locale = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('chart.no-data');
  return measure === 'rate'
    ? formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : formatNumber(value, locale, { maximumFractionDigits: 0 });
}

/** An axis tick: compact from 10 000 ("12K", "12 k", "12.000" …), otherwise up to two decimals. */
export function formatTick(value: number, locale: Locale = 'en'): string {
  return Math.abs(value) >= 10_000
    ? numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
    : formatNumber(value, locale, { maximumFractionDigits: 2, useGrouping: false });
}

/** A plain number in the reader's language, up to `digits` decimals. */
export function formatPlain(value: number, locale: Locale, digits = 0): string {
  return formatNumber(value, locale, { maximumFractionDigits: digits });
}

/** What a value counts: "per 100 000 inhabitants" or "count", in the active language. */
export function measureUnit(measure: Measure): string {
  return measure === 'rate' ? t('chart.unit-rate') : t('chart.unit-count');
}

/** A signed change in per cent: "+4.2%", "−3,1 %" (a true minus sign). */
export function formatPercent(value: number, locale: Locale = 'en', digits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(value / 100)
    .replace('-', '−');
}
