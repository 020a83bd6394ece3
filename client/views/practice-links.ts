import type { PracticeSummary } from '../api/types';
import { practiceApi } from '../api/client';
import type { PracticeMarker } from '../charts/line-chart';
import { h } from '../components/dom';
import type { ViewContext } from './view-context';
import { formatList } from '../../server/shared/i18n/format';
import { currentLocale, geoName, t } from '../i18n/i18n';

/** A practice page's address, in the reader's chosen language (so a copied link keeps it). */
function practiceHref(slug: string): string {
  const lang = typeof location === 'undefined' ? null : new URL(location.href).searchParams.get('lang');
  return `/practices/${encodeURIComponent(slug)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
}

/** Practice start years on the geos' lines, linked to the practice pages. */
export async function practiceMarkers(indicator: string, geos: string[]): Promise<PracticeMarker[]> {
  const answer = await practiceApi.search({ indicator, geo: geos, pageSize: 100 });
  return answer.data.flatMap((p) =>
    p.startYear === null
      ? []
      : p.geos
          .filter((g) => geos.includes(g))
          .map((geo) => ({
            geo,
            year: p.startYear!,
            href: practiceHref(p.slug),
            title: p.title,
          })),
  );
}

/** A practice's place in the reader's language: a country by name, the EU (EU27_2020, EU28) as such. */
export function placeName(code: string): string {
  return /^EU\d/.test(code) ? t('practice-find.eu') : geoName(code);
}

export function ratingBadge(rating: string, label: string): HTMLElement {
  return h('span', { class: `badge ${rating.replace(/_/g, '-')}`, text: label });
}

export function practiceCard(p: PracticeSummary, context: ViewContext, headingLevel: 'h3' | 'h4' = 'h3'): HTMLElement {
  return h(
    'li',
    { class: 'card' },
    h(
      headingLevel,
      {},
      h('a', { href: context.hrefFor({ view: 'practice', id: p.slug, tab: 'chart' }), text: p.title }),
    ),
    h(
      'p',
      {},
      ratingBadge(p.rating, p.ratingLabel),
      p.europeanEvidence ? ` · ${t('practices.european-evidence')}` : '',
      p.dueForReview ? ` · ${t('practices.due-for-review')}` : '',
    ),
    h('p', { text: p.summary }),
    h('p', {
      class: 'hint',
      text: [
        formatList(p.geos.map(placeName), currentLocale()),
        p.startYear ? t('practices.since', { year: p.startYear }) : '',
        p.endYear ? t('practices.until', { year: p.endYear }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  );
}

/** The published practices for a geo or an indicator, as cards. */
export async function practiceList(
  filter: { geo?: string; indicator?: string },
  context: ViewContext,
): Promise<HTMLElement> {
  try {
    const answer = await practiceApi.search({ ...filter, pageSize: 50, sort: 'rating' });
    if (!answer.data.length) return h('p', { text: t('practices.none-published') });
    return h('ul', { class: 'grid plain-list' }, ...answer.data.map((p) => practiceCard(p, context, 'h4')));
  } catch (error) {
    return h('p', {
      class: 'error',
      text: t('practices.load-failed', { message: error instanceof Error ? error.message : String(error) }),
    });
  }
}
