import { FLAG_MEANINGS } from '../../server/shared/flags';
import { t } from '../i18n/i18n';

/**
 * A flag's meaning in the reader's language. The flags are the server's table (server/shared/flags.ts);
 * their wording follows Eurostat's observation status labels in each language.
 */
const FLAG_KEYS: Readonly<Record<string, string>> = {
  b: 'flag.b',
  d: 'flag.d',
  e: 'flag.e',
  f: 'flag.f',
  i: 'flag.i',
  m: 'flag.m',
  n: 'flag.n',
  p: 'flag.p',
  u: 'flag.u',
  c: 'flag.c',
  C: 'flag.c',
  ':': 'flag.not-available',
};

export function flagMeaning(flag: string): string {
  const key = FLAG_KEYS[flag];
  return key && flag in FLAG_MEANINGS ? t(key) : t('flag.unknown');
}
