import { beforeAll } from 'vitest';
import { useLocale } from '../../client/i18n/i18n';

/**
 * Client modules render through t(): every test file starts with the English catalogue loaded, as
 * the dashboard does before its first view. A test that switches language switches back itself.
 */
beforeAll(() => useLocale('en'));
