import type { Evaluation, PracticeDetail } from '../../api/types';
import { errorBox, h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { appendPracticeActions } from '../empact/practice-actions';
import { geoName, viewHeader, type Catalogue } from '../view-parts';
import { CRITERIA, EMMIE_NAMES, loadPractice } from './state';
import { formatList } from '../../../server/shared/i18n/format';
import type { Vocabulary } from '../../../server/shared/vocabulary-labels';
import { vocabularyName } from '../practices/state';
import { currentLocale, t } from '../../i18n/i18n';
import { evidenceSection } from './evidence-section';
import { linkedTrends } from './linked-trends';

/** Vocabulary codes as names in the reader's language ("situational" reads "Situationnelle"). */
const named = (vocabulary: Vocabulary, codes: string[]) =>
  formatList(
    codes.map((c) => vocabularyName(vocabulary, c)),
    currentLocale(),
  );

function facts(detail: PracticeDetail, catalogue: Catalogue): HTMLElement {
  const r = detail.record;
  const locale = currentLocale();
  const notRecorded = t('practice.not-recorded');
  const years =
    r.startYear === null
      ? notRecorded
      : r.endYear
        ? `${r.startYear}–${r.endYear}`
        : t('practice.ongoing', { year: r.startYear });
  const pairs: [string, string][] = [
    [
      t('practice.where'),
      formatList(
        r.geos.map((g) => geoName(catalogue, g)),
        locale,
      ),
    ],
    [t('practice.level'), vocabularyName('level', r.level)],
    [t('practice.years'), years],
    [
      t('practice.themes'),
      formatList(
        r.themes.map((code) => catalogue.themes.find((x) => x.code === code)?.name ?? code),
        locale,
      ),
    ],
    [t('practices.facet-approach'), named('approach', r.approaches)],
    [t('practices.facet-prevention-level'), named('prevention_level', r.preventionLevels)],
    [t('practice.target-groups'), named('target_group', r.targetGroups)],
    [t('practice.organisations'), r.organisations.join('; ') || '—'],
    [t('practice.cost'), r.cost ?? notRecorded],
    [
      t('practice.contact'),
      r.contact ? `${r.contact.organisation}${r.contact.role ? `, ${r.contact.role}` : ''}` : notRecorded,
    ],
  ];
  return h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

function criteriaChecklist(detail: PracticeDetail): HTMLElement {
  const c = detail.record.criteria as Record<string, { met: boolean; justification: string }>;
  return h(
    'section',
    { 'aria-labelledby': 'criteria-heading' },
    h('h3', { id: 'criteria-heading', text: t('practice.criteria-heading') }),
    h(
      'ul',
      { class: 'checklist' },
      ...Object.entries(CRITERIA).map(([key, label]) => {
        const item = c[key];
        return h(
          'li',
          { 'data-mark': item?.met ? '✓' : '✗' },
          h('strong', { text: t('practice.criterion', { criterion: t(label), met: String(item?.met === true) }) }),
          ` ${item?.justification ?? ''}`,
        );
      }),
    ),
  );
}

function evaluationsTable(detail: PracticeDetail, catalogue: Catalogue): HTMLElement {
  const rows = detail.record.evaluations;
  if (!rows.length) return h('p', { text: t('practice.no-evaluation') });
  const locale = currentLocale();
  return sortableTable<Evaluation>({
    // Not the section's heading: the table's scroll region is a landmark named by its caption (issue 20).
    caption: t('practice-find.evaluations-caption'),
    rows,
    sortBy: 'year',
    descending: true,
    columns: [
      { key: 'year', label: t('component.year'), value: (e) => e.year, numeric: true },
      {
        key: 'design',
        label: t('practice.design'),
        value: (e) => vocabularyName('evaluation_design', e.design),
      },
      { key: 'sms', label: 'SMS', value: (e) => e.sms, numeric: true },
      {
        key: 'geos',
        label: t('practice.where'),
        value: (e) => formatList(e.geos.map(geoName.bind(null, catalogue)), locale),
      },
      {
        key: 'direction',
        label: t('practice.effect'),
        value: (e) => (e.direction ? vocabularyName('effect_direction', e.direction) : '—'),
      },
      {
        key: 'independent',
        label: t('practice.independent'),
        value: (e) => t('practice.yes-no-unknown', { value: String(e.independent) }),
      },
      { key: 'outcomes', label: t('practice.outcomes'), value: (e) => e.outcomes.join('; ') },
      {
        key: 'reference',
        label: t('practice.reference'),
        value: (e) => e.reference,
        cell: (e) => {
          const href = e.url ?? (e.doi ? `https://doi.org/${e.doi}` : null);
          return href ? h('a', { href, rel: 'noopener', text: e.reference }) : document.createTextNode(e.reference);
        },
      },
    ],
  });
}

function emmieTable(detail: PracticeDetail): HTMLElement {
  const emmie = detail.record.emmie;
  if (!emmie) return h('p', { text: t('practice.no-emmie') });
  const rows = Object.entries(EMMIE_NAMES).map(([key, label]) => ({
    label: t(label),
    entry: (emmie as Record<string, { summary: string; quality: number } | null>)[key] ?? null,
  }));
  return sortableTable({
    caption: t('practice.emmie-caption'),
    rows,
    columns: [
      { key: 'label', label: t('practice.dimension'), value: (r) => r.label },
      { key: 'summary', label: t('practice.summary'), value: (r) => r.entry?.summary ?? t('practice.not-assessed') },
      { key: 'quality', label: t('practice.quality'), value: (r) => r.entry?.quality ?? null, numeric: true },
    ],
  });
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const slug = state.id ?? '';
  try {
    const { catalogue, detail } = await loadPractice(slug);
    const r = detail.record;
    container.replaceChildren(
      h('p', {}, h('a', { href: context.hrefFor({ view: 'practices', id: null }), text: t('practice.all-practices') })),
      viewHeader(r.title, r.summary),
      facts(detail, catalogue),
      h(
        'section',
        { 'aria-labelledby': 'description-heading' },
        h('h3', { id: 'description-heading', text: t('practice.description') }),
        ...r.description.split(/\n{2,}/).map((p) => h('p', { text: p })),
      ),
      evidenceSection(detail),
      criteriaChecklist(detail),
      // Not a named section: its table's scrolling region is already the "Evaluations" landmark.
      h(
        'section',
        {},
        h('h3', { id: 'evaluations-heading', text: t('practice.evaluations') }),
        evaluationsTable(detail, catalogue),
      ),
      h(
        'section',
        { 'aria-labelledby': 'emmie-heading' },
        h('h3', { id: 'emmie-heading', text: 'EMMIE' }),
        emmieTable(detail),
      ),
      r.links.length
        ? h(
            'section',
            { 'aria-labelledby': 'links-heading' },
            h('h3', { id: 'links-heading', text: t('practice.links') }),
            h(
              'ul',
              {},
              ...r.links.map((l) =>
                h('li', {}, h('a', { href: l.url, rel: 'noopener', text: l.title }), ` (${l.kind})`),
              ),
            ),
          )
        : '',
      h(
        'section',
        { 'aria-labelledby': 'trends-heading' },
        h('h3', { id: 'trends-heading', text: t('practice.trends-heading') }),
        h('p', {
          class: 'hint',
          text: [r.startYear ? t('practice.flag-marks-start', { year: r.startYear }) : '', t('practice.trend-caveat')]
            .filter(Boolean)
            .join(' '),
        }),
        await linkedTrends(detail, catalogue, context, state),
      ),
    );
    await appendPracticeActions(container, slug);
  } catch (error) {
    container.replaceChildren(
      viewHeader(t('shell.title-practice'), ''),
      errorBox(t('practice.load-failed', { slug, message: error instanceof Error ? error.message : String(error) })),
    );
  }
  return { update: () => false };
}
