/**
 * Eurostat / SDMX observation status flags. Several may apply to one value ("ep").
 * ':' marks a value that is not available. The server validates against them; the dashboard explains them.
 */
export const FLAG_MEANINGS: Record<string, string> = {
  b: 'break in time series',
  d: 'definition differs',
  e: 'estimated',
  f: 'forecast',
  i: 'see metadata',
  m: 'missing',
  n: 'not significant',
  p: 'provisional',
  u: 'low reliability',
  c: 'confidential',
  C: 'confidential',
  ':': 'not available',
};
