import { practiceApi } from '../../api/client';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';
import { practiceList } from '../practice-links';
import { practicesElsewhere } from '../practices/elsewhere';
import type { ViewContext } from '../view-context';
import type { Catalogue } from '../view-parts';

/**
 * The profile's practices: the country's own, or, for a country with none in the catalogue
 * (France), the practices elsewhere that target the offences it reports (issue 20).
 */
export async function profilePracticesSection(
  code: string,
  name: string,
  catalogue: Catalogue,
  context: ViewContext,
): Promise<HTMLElement> {
  const own = await practiceApi.search({ geo: code, pageSize: 1 }).catch(() => null);
  if (own && own.meta.total === 0) return practicesElsewhere(code, catalogue, context);
  return h(
    'section',
    { 'aria-labelledby': 'profile-practices' },
    h('h3', { id: 'profile-practices', text: t('profile.practices', { name }) }),
    await practiceList({ geo: code }, context),
  );
}
