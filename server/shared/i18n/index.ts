/** The observatory's languages, messages and formats: shared by the server and the client (docs/i18n.md). */
export * from './format';
export * from './geo-names';
export * from './locales';
export * from './message';
