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
import { asOfHref, sourceText, viewHeader, type Catalogue } from '../view-parts';
import { CRITERIA, EMMIE_NAMES, linkedScope, loadLinkedTrend, loadPractice } from './state';

function facts(detail: PracticeDetail, catalogue: Catalogue): HTMLElement {
  const r = detail.record;
  const pairs: [string, string][] = [
    ['Where', r.geos.map((g) => catalogue.geoByCode.get(g)?.name ?? g).join(', ')],
    ['Level', r.level],
    ['Years', r.startYear === null ? 'not recorded' : `${r.startYear}${r.endYear ? `–${r.endYear}` : ' – ongoing'}`],
    ['Themes', r.themes.map((t) => catalogue.themes.find((x) => x.code === t)?.name ?? t).join(', ')],
    ['Approach', r.approaches.join(', ').replace(/_/g, ' ')],
    ['Prevention level', r.preventionLevels.join(', ')],
    ['Target groups', r.targetGroups.join(', ').replace(/_/g, ' ')],
    ['Organisations', r.organisations.join('; ') || '—'],
    ['Cost', r.cost ?? 'not recorded'],
    ['Contact', r.contact ? `${r.contact.organisation}${r.contact.role ? `, ${r.contact.role}` : ''}` : 'not recorded'],
  ];
  return h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

function evidenceSection(detail: PracticeDetail): HTMLElement {
  const e = detail.evidence;
  return h(
    'section',
    { 'aria-labelledby': 'rating-heading' },
    h('h3', { id: 'rating-heading' }, 'Evidence rating: ', ratingBadge(e.rating, e.ratingLabel)),
    h('ul', {}, ...e.reasons.map((reason) => h('li', { text: reason }))),
    e.override
      ? h('p', {
          class: 'notice',
          text: `Curator override (${e.override.by}, ${e.override.at.slice(0, 10)}): ${e.override.justification}`,
        })
      : null,
    h('p', {
      class: 'hint',
      text: `${e.europeanEvidence ? `European evidence: evaluated in ${e.evaluatedIn.join(', ')}. ` : 'No evaluation in an EU member state yet. '}Review date ${e.reviewDate}${e.dueForReview ? ' — due for review' : ''}.`,
    }),
    e.external.length
      ? sortableTable({
          caption: 'External ratings, mapped onto the observatory scale',
          rows: e.external,
          columns: [
            { key: 'source', label: 'Registry', value: (x) => x.sourceName },
            { key: 'label', label: 'Their rating', value: (x) => x.label },
            { key: 'maps', label: 'Maps to', value: (x) => x.maps.replace(/_/g, ' ') },
            { key: 'date', label: 'Date', value: (x) => x.date ?? '—' },
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
    h('h3', { id: 'criteria-heading', text: "EUCPN's four minimum criteria" }),
    h(
      'ul',
      { class: 'checklist' },
      ...Object.entries(CRITERIA).map(([key, label]) => {
        const item = c[key];
        return h(
          'li',
          { 'data-mark': item?.met ? '✓' : '✗' },
          h('strong', { text: `${label}: ${item?.met ? 'met' : 'not met'}.` }),
          ` ${item?.justification ?? ''}`,
        );
      }),
    ),
  );
}

function evaluationsTable(detail: PracticeDetail): HTMLElement {
  const rows = detail.record.evaluations;
  if (!rows.length) return h('p', { text: 'No evaluation recorded.' });
  return sortableTable<Evaluation>({
    caption: 'Evaluations',
    rows,
    sortBy: 'year',
    descending: true,
    columns: [
      { key: 'year', label: 'Year', value: (e) => e.year, numeric: true },
      { key: 'design', label: 'Design', value: (e) => e.design.replace(/_/g, ' ') },
      { key: 'sms', label: 'SMS', value: (e) => e.sms, numeric: true },
      { key: 'geos', label: 'Where', value: (e) => e.geos.join(', ') },
      { key: 'direction', label: 'Effect', value: (e) => e.direction ?? '—' },
      {
        key: 'independent',
        label: 'Independent',
        value: (e) => (e.independent === null ? 'unknown' : e.independent ? 'yes' : 'no'),
      },
      { key: 'outcomes', label: 'Outcomes', value: (e) => e.outcomes.join('; ') },
      {
        key: 'reference',
        label: 'Reference',
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
  if (!emmie) return h('p', { text: 'No EMMIE summary recorded.' });
  const rows = Object.entries(EMMIE_NAMES).map(([key, label]) => ({
    label,
    entry: (emmie as Record<string, { summary: string; quality: number } | null>)[key] ?? null,
  }));
  return sortableTable({
    caption: 'EMMIE summary (evidence quality 0–4)',
    rows,
    columns: [
      { key: 'label', label: 'Dimension', value: (r) => r.label },
      { key: 'summary', label: 'Summary', value: (r) => r.entry?.summary ?? 'not assessed' },
      { key: 'quality', label: 'Quality (0–4)', value: (r) => r.entry?.quality ?? null, numeric: true },
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
  if (!geos.length || !indicators.length)
    return h('p', { text: "No linked indicator with data in the practice's countries." });
  const panels = await Promise.all(
    indicators.map(async (code): Promise<HTMLElement | null> => {
      const linked = await loadLinkedTrend(code, geos, catalogue, state.asOf);
      if (!linked) return null;
      const { measure, series, title, trends } = linked;
      const indicator = catalogue.indicatorByCode.get(code);
      const panel = chartPanel({
        title,
        fileStem: `practice-${detail.slug}-${code}`,
        tab: 'chart',
        onTab: () => undefined,
        table: {
          caption: title,
          rows: trendRows(series),
          sortBy: 'year',
          columns: [
            { key: 'geo', label: 'Geo', value: (r: TrendTableRow) => r.geo },
            { key: 'year', label: 'Year', value: (r) => r.year, numeric: true },
            { key: 'value', label: 'Value', value: (r) => r.value, numeric: true },
            { key: 'flags', label: 'Flags', value: (r) => r.flags },
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
              text: 'Open in Trends',
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
              href: `/practices/${detail.slug}`,
              title: detail.record.title,
            }));
      panel.setSvg(
        renderLineChart(series, {
          title,
          yLabel: measure === 'rate' ? 'per 100,000' : 'count',
          width: 480,
          height: 260,
          markers,
        }),
      );
      return h('div', { class: 'card' }, h('h4', { text: title }), panel.element);
    }),
  );
  const shown = panels.filter((p): p is HTMLElement => p !== null);
  if (!shown.length) return h('p', { text: `No data yet for the linked indicators in ${geos.join(', ')}.` });
  return h('div', { class: 'multiples' }, h('div', { class: 'grid' }, ...shown));
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const slug = state.id ?? '';
  try {
    const { catalogue, detail } = await loadPractice(slug);
    const r = detail.record;
    container.replaceChildren(
      h('p', {}, h('a', { href: context.hrefFor({ view: 'practices', id: null }), text: '← All practices' })),
      viewHeader(r.title, r.summary),
      facts(detail, catalogue),
      h(
        'section',
        { 'aria-labelledby': 'description-heading' },
        h('h3', { id: 'description-heading', text: 'Description' }),
        ...r.description.split(/\n{2,}/).map((p) => h('p', { text: p })),
      ),
      evidenceSection(detail),
      criteriaChecklist(detail),
      h(
        'section',
        { 'aria-labelledby': 'evaluations-heading' },
        h('h3', { id: 'evaluations-heading', text: 'Evaluations' }),
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
            h('h3', { id: 'links-heading', text: 'Links' }),
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
        h('h3', { id: 'trends-heading', text: 'The linked indicators in its countries' }),
        h('p', {
          class: 'hint',
          text: `${r.startYear ? `The flag marks the practice's start (${r.startYear}). ` : ''}A trend alone does not show that the practice worked.`,
        }),
        await miniTrends(detail, catalogue, context, state),
      ),
    );
    await appendPracticeActions(container, slug);
  } catch (error) {
    container.replaceChildren(
      viewHeader('Practice', ''),
      errorBox(`The practice "${slug}" could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return { update: () => false };
}
