import { geoName, t } from '../i18n/i18n';

/**
 * A geo as a reader names it: an EU aggregate by its translated name (never "EU27_2020"), a country by
 * its name in the reader's language, and only as a last resort the name the API gave. Never a bare code
 * when a name exists ("AU (AU)" was Australia).
 */
export function geoLabel(code: string, fallback?: string | null): string {
  const aggregate = t('numbers.aggregate', { code, fallback: fallback ?? code });
  if (aggregate !== (fallback ?? code)) return aggregate;
  return geoName(code, fallback);
}

/** A country's name with its Eurostat code for researchers ("Austria (AT)"); an aggregate's name alone. */
export function geoLabelWithCode(code: string, fallback?: string | null): string {
  const label = geoLabel(code, fallback);
  return /^[A-Z]{2}$/.test(code) && label !== code ? `${label} (${code})` : label;
}

/** How a group aggregate is computed, in words ("population_weighted" is the API's code for it). */
export function aggregationRule(rule: string): string {
  return t('numbers.rule', { rule });
}
