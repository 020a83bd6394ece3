/**
 * Pseudo-localisation, for tests: every catalogue message is wrapped in `[!! … !!]` and lengthened
 * by about a third, so a browser test can find text that bypassed the catalogue (it is not wrapped)
 * and layouts that break when a translation is longer than English. Switched on by `?pseudo` in the
 * address the dashboard is opened with (docs/i18n.md); readers never see it.
 */
export const PSEUDO_OPEN = '[!! ';
export const PSEUDO_CLOSE = ' !!]';

export function pseudoLocalise(text: string): string {
  const padding = '~'.repeat(Math.ceil(text.length / 3));
  return `${PSEUDO_OPEN}${text}${padding ? ` ${padding}` : ''}${PSEUDO_CLOSE}`;
}
