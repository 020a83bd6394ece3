import { radioGroup } from '../../components/controls';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';
import type { Locale } from '../../../server/shared/i18n/locales';
import type { ViewState } from '../../state/url-state';
import { liveRegion, problemBox, sessionWithRole } from '../account-parts';
import type { MountedView, ViewContext } from '../view-context';
import { viewHeader } from '../view-parts';
import { labelTable } from './render';
import { type LabelFilter, labelRows, loadLabels, loadScope, statusCounts } from './state';

/**
 * /labels: the domain labels left to review in the languages the reader may review (their
 * countries' for a contact point, every one for the secretariat), each approved as it is or corrected.
 */
export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(
    container,
    t('labels-review.title'),
    ['contact_point', 'secretariat'],
    t('labels-review.who'),
  );
  if (!session) return { update: () => false };
  const status = liveRegion();
  const summary = h('p', {});
  const list = h('div', {});
  let locales: Locale[];
  try {
    locales = await loadScope();
  } catch (error) {
    container.replaceChildren(
      viewHeader(t('labels-review.title'), ''),
      problemBox(t('labels-review.load-failed'), error),
    );
    return { update: () => false };
  }
  if (!locales.length) {
    container.replaceChildren(viewHeader(t('labels-review.title'), t('labels-review.no-languages')));
    return { update: () => false };
  }
  let locale = locales[0]!;
  let filter: LabelFilter = 'pending';
  const load = async () => {
    try {
      const entries = await loadLabels(locale);
      const all = labelRows(entries, locale, 'all');
      const counts = statusCounts(all);
      summary.textContent = t('labels-review.summary', {
        language: t(`labels-review.language.${locale}`),
        unreviewed: counts.unreviewed ?? 0,
        official: counts.official ?? 0,
        fallback: counts.fallback ?? 0,
        reviewed: counts.reviewed ?? 0,
      });
      list.replaceChildren(labelTable(labelRows(entries, locale, filter), locale, status, () => void load()));
    } catch (error) {
      list.replaceChildren(problemBox(t('labels-review.load-failed'), error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(t('labels-review.title'), t('labels-review.intro')),
    radioGroup<Locale>({
      legend: t('labels-review.language-legend'),
      name: 'label-language',
      selected: locale,
      choices: locales.map((l) => ({ value: l, label: t(`labels-review.language.${l}`) })),
      onChange: (value) => {
        locale = value;
        void load();
      },
    }),
    radioGroup<LabelFilter>({
      legend: t('labels-review.show'),
      name: 'label-filter',
      selected: filter,
      choices: [
        { value: 'pending', label: t('labels-review.filter.pending') },
        { value: 'all', label: t('labels-review.filter.all') },
      ],
      onChange: (value) => {
        filter = value;
        void load();
      },
    }),
    summary,
    status,
    list,
  );
  return { update: () => true };
}
