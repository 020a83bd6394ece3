import type { PracticeDetail } from '../../api/types';
import { h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { currentLocale, geoName, t } from '../../i18n/i18n';
import { ratingBadge } from '../practice-links';
import { formatDate, formatList } from '../../../server/shared/i18n/format';
import { vocabularyName } from '../practices/state';

/**
 * The rating, its reasons, the registries' ratings with one sentence where they differ from ours,
 * and what "due for review" means for this practice (issue 20: ratings in plain language).
 */
export function evidenceSection(detail: PracticeDetail): HTMLElement {
  const e = detail.evidence;
  const locale = currentLocale();
  const differing = e.external.filter((x) => x.comparison);
  return h(
    'section',
    { 'aria-labelledby': 'rating-heading' },
    h('h3', { id: 'rating-heading' }, `${t('practice.rating-heading')} `, ratingBadge(e.rating, e.ratingLabel)),
    h('ul', {}, ...e.reasons.map((reason) => h('li', { text: reason }))),
    e.override
      ? h('p', {
          class: 'notice',
          text: t('practice.override', {
            by: e.override.by,
            date: formatDate(e.override.at, locale),
            justification: e.override.justification,
          }),
        })
      : null,
    h('p', {
      class: 'hint',
      text: e.europeanEvidence
        ? t('practice.evaluated-in', {
            geos: formatList(
              e.evaluatedIn.map((g) => geoName(g)),
              locale,
            ),
          })
        : t('practice.no-eu-evaluation'),
    }),
    h('p', { class: e.dueForReview ? 'notice review-note' : 'hint review-note', text: e.reviewNote }),
    e.external.length
      ? sortableTable({
          caption: t('practice.external-caption'),
          rows: e.external,
          columns: [
            { key: 'source', label: t('practice.registry'), value: (x) => x.sourceName },
            { key: 'label', label: t('practice.their-rating'), value: (x) => x.label },
            {
              key: 'maps',
              label: t('practice.maps-to'),
              value: (x) => vocabularyName('evidence_rating', x.maps),
            },
            { key: 'date', label: t('practice.date'), value: (x) => x.date ?? '—' },
          ],
        })
      : null,
    ...differing.map((x) => h('p', { class: 'external-comparison', text: x.comparison ?? '' })),
  );
}
