import type { Actor } from '../http/actor';
import { LOCALES, type Locale, REFERENCE_LOCALE } from '../shared/i18n';

/**
 * The observatory's languages that are official in a country (by Eurostat geo code). A contact
 * point reviews labels in the languages of their own countries: the Dutch contact point Dutch, the
 * Belgian one Dutch, French and German. Countries without one of these languages review none.
 */
const COUNTRY_LANGUAGES: Readonly<Record<string, readonly Locale[]>> = {
  NL: ['nl'],
  BE: ['nl', 'fr', 'de'],
  FR: ['fr'],
  LU: ['fr', 'de'],
  DE: ['de'],
  AT: ['de'],
  CH: ['de', 'fr'],
  LI: ['de'],
};

/** The languages an actor may review: every one for the secretariat, their countries' for a contact point. */
export function reviewableLocales(actor: Actor): Locale[] {
  if (actor.kind !== 'user') return [];
  if (actor.role === 'secretariat') return LOCALES.filter((locale) => locale !== REFERENCE_LOCALE);
  if (actor.role !== 'contact_point') return [];
  return [...new Set(actor.geos.flatMap((geo) => COUNTRY_LANGUAGES[geo] ?? []))].sort();
}
