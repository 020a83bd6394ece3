/**
 * The message key of an alert screen's small-numbers reason (server/i18n/catalogues/alerts.*.json),
 * the same in every language: the server writes it, the dashboard counts those series by it.
 */
export const SMALL_NUMBERS_REASON = 'alerts.not-assessed-small';
