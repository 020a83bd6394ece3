import type { Evaluation, PracticeDetail } from '../../api/types';
import { renderLineChart } from '../../charts/line-chart';
import { chartPanel } from '../../components/chart-panel';
import { errorBox, h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { appendPracticeActions } from '../empact/practice-actions';
import { ratingBadge } from '../practice-links';
import { trendRows, type TrendTableRow } from '../trends/series';
import { asOfHref, geoName, sourceText, viewHeader, type Catalogue } from '../view-parts';
import { CRITERIA, EMMIE_NAMES, linkedScope, loadLinkedTrend, loadPractice } from './state';
import { formatDate, formatList } from '../../../server/shared/i18n/format';
import { formatValue, measureUnit } from '../../charts/format';
import { currentLocale, t } from '../../i18n/i18n';

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
    [t('practice.level'), r.level],
    [t('practice.years'), years],
    [
      t('practice.themes'),
      formatList(
        r.themes.map((code) => catalogue.themes.find((x) => x.code === code)?.name ?? code),
        locale,
      ),
    ],
    [t('practices.facet-approach'), r.approaches.join(', ').replace(/_/g, ' ')],
    [t('practices.facet-prevention-level'), r.preventionLevels.join(', ')],
    [t('practice.target-groups'), r.targetGroups.join(', ').replace(/_/g, ' ')],
    [t('practice.organisations'), r.organisations.join('; ') || '—'],
    [t('practice.cost'), r.cost ?? notRecorded],
    [
      t('practice.contact'),
      r.contact ? `${r.contact.organisation}${r.contact.role ? `, ${r.contact.role}` : ''}` : notRecorded,
    ],
  ];
  return h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

function evidenceSection(detail: PracticeDetail): HTMLElement {
  const e = detail.evidence;
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
            date: formatDate(e.override.at, currentLocale()),
            justification: e.override.justification,
          }),
        })
      : null,
    h('p', {
      class: 'hint',
      text: [
        e.europeanEvidence
          ? t('practice.evaluated-in', { geos: formatList(e.evaluatedIn, currentLocale()) })
          : t('practice.no-eu-evaluation'),
        t(e.dueForReview ? 'practice.review-due' : 'practice.review-date', {
          date: formatDate(e.reviewDate, currentLocale()),
        }),
      ].join(' '),
    }),
    e.external.length
      ? sortableTable({
          caption: t('practice.external-caption'),
          rows: e.external,
          columns: [
            { key: 'source', label: t('practice.registry'), value: (x) => x.sourceName },
            { key: 'label', label: t('practice.their-rating'), value: (x) => x.label },
            { key: 'maps', label: t('practice.maps-to'), value: (x) => x.maps.replace(/_/g, ' ') },
            { key: 'date', label: t('practice.date'), value: (x) => x.date ?? '—' },
          ],
        })
      : null,
  );
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

function evaluationsTable(detail: PracticeDetail): HTMLElement {
  const rows = detail.record.evaluations;
  if (!rows.length) return h('p', { text: t('practice.no-evaluation') });
  return sortableTable<Evaluation>({
    caption: t('practice.evaluations'),
    rows,
    sortBy: 'year',
    descending: true,
    columns: [
      { key: 'year', label: t('component.year'), value: (e) => e.year, numeric: true },
      { key: 'design', label: t('practice.design'), value: (e) => e.design.replace(/_/g, ' ') },
      { key: 'sms', label: 'SMS', value: (e) => e.sms, numeric: true },
      { key: 'geos', label: t('practice.where'), value: (e) => e.geos.join(', ') },
      { key: 'direction', label: t('practice.effect'), value: (e) => e.direction ?? '—' },
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

async function miniTrends(
  detail: PracticeDetail,
  catalogue: Catalogue,
  context: ViewContext,
  state: ViewState,
): Promise<HTMLElement> {
  const { geos, indicators } = linkedScope(detail, catalogue);
  if (!geos.length || !indicators.length) return h('p', { text: t('practice.no-linked') });
  const panels = await Promise.all(
    indicators.map(async (code): Promise<HTMLElement | null> => {
      const linked = await loadLinkedTrend(code, geos, catalogue, state.asOf);
      if (!linked) return null;
      const { measure, series, title, trends } = linked;
      const indicator = catalogue.indicatorByCode.get(code);
      const panel = chartPanel({
        title,
        fileStem: t('practice.file-stem', { slug: detail.slug, code }),
        tab: 'chart',
        onTab: () => undefined,
        table: {
          caption: title,
          rows: trendRows(series),
          sortBy: 'year',
          columns: [
            { key: 'geo', label: t('trends.geo'), value: (r: TrendTableRow) => r.geo },
            { key: 'year', label: t('component.year'), value: (r) => r.year, numeric: true },
            {
              key: 'value',
              label: t('practice.value'),
              value: (r) => r.value,
              format: (r) => formatValue(r.value, measure, currentLocale()),
              numeric: true,
            },
            { key: 'flags', label: t('views.flags'), value: (r) => r.flags },
          ],
        },
        source: {
          source: sourceText(indicator),
          dataVersion: trends[0]?.meta.dataVersion ?? null,
          asOfHref: asOfHref(context, trends[0]?.meta.dataVersion ?? null),
        },
        notes: [
          h(
            'p',
            {},
            h('a', {
              href: context.hrefFor({ view: 'trends', id: null, indicator: code, geos, measure }),
              text: t('practice.open-in-trends'),
            }),
          ),
        ],
      });
      const markers =
        detail.record.startYear === null
          ? []
          : geos.map((geo) => ({
              geo,
              year: detail.record.startYear!,
              href: context.hrefFor({ view: 'practice', id: detail.slug }),
              title: detail.record.title,
            }));
      panel.setSvg(
        renderLineChart(series, {
          title,
          yLabel: measureUnit(measure),
          locale: currentLocale(),
          width: 480,
          height: 260,
          markers,
        }),
      );
      return h('div', { class: 'card' }, h('h4', { text: title }), panel.element);
    }),
  );
  const shown = panels.filter((p): p is HTMLElement => p !== null);
  if (!shown.length) return h('p', { text: t('practice.no-data', { geos: formatList(geos, currentLocale()) }) });
  return h('div', { class: 'multiples' }, h('div', { class: 'grid' }, ...shown));
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
        evaluationsTable(detail),
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
        await miniTrends(detail, catalogue, context, state),
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
