import { createHash } from 'node:crypto';
import { serverTranslator } from '../i18n/translate';
import type { EmpactResult, RagStatus } from '../shared/api/empact';
import { type Locale, numberFormat, type Translator } from '../shared/i18n';
import type { Factsheet, FactsheetIndicator, FactsheetKpi } from './factsheet.service';

// biome-ignore lint/suspicious/noShadowRestrictedNames: a local helper named for what it does; the global is never needed in this module
const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The page's language: its messages (catalogue area `factsheet`) and its number format. */
interface PageLanguage {
  tr: Translator;
  number: Intl.NumberFormat;
}

const pageLanguage = (locale: Locale): PageLanguage => ({
  tr: serverTranslator(locale),
  number: numberFormat(locale, { maximumFractionDigits: 2 }),
});

/** "13,871 persons", "over €797 million": as the published results are worded, in the page's language. */
export function formatResult(result: EmpactResult, locale: Locale = 'en'): string {
  const { tr, number } = pageLanguage(locale);
  const over = String(result.qualifier === 'over');
  if (result.unit === 'EUR') {
    const millions = result.value / 1_000_000;
    return millions >= 1
      ? tr.t('factsheet.result.eur-million', { over, amount: number.format(millions) })
      : tr.t('factsheet.result.eur', { over, amount: number.format(result.value) });
  }
  return tr.t('factsheet.result.unit', { over, amount: number.format(result.value), unit: result.unit });
}

const RAG_SYMBOL: Record<RagStatus, string> = { green: '●', amber: '▲', red: '■', not_reported: '○' };

const headerRow = (tr: Translator, key: string, columns: string[]) =>
  `<tr>${columns.map((column) => `<th scope="col">${tr.t(key, { column })}</th>`).join('')}</tr>`;

/** Print-first: A4, black text, status shown by symbol and word as well as colour (WCAG 1.4.1). */
export const FACTSHEET_CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 12px; }
header { border-bottom: 3px solid #003399; margin-bottom: 12px; }
.kicker { color: #003399; font-weight: bold; letter-spacing: .04em; text-transform: uppercase; margin: 0; }
h1 { font-size: 18pt; margin: 4px 0 6px; }
h2 { font-size: 13pt; color: #003399; margin: 18px 0 6px; break-after: avoid; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0; }
.figures li { border: 1px solid #8a9bc9; border-radius: 4px; padding: 6px 10px; min-width: 28%; break-inside: avoid; }
.figures strong { display: block; font-size: 15pt; color: #002266; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 4px 0 8px; }
caption { text-align: left; font-weight: bold; padding: 2px 0 4px; }
th, td { border: 1px solid #b8c0d8; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #e8ecf6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.rag-green { color: #05602b; } .rag-amber { color: #7a4b00; } .rag-red { color: #a3001b; } .rag-not_reported { color: #444; }
.source, footer { font-size: 8.5pt; color: #333; }
a { color: #002a8a; }
footer { border-top: 1px solid #b8c0d8; margin-top: 16px; padding-top: 6px; }
@media print { a { color: inherit; text-decoration: none; } body { padding: 0; } }
`;

export const FACTSHEET_CSS_HASH = `'sha256-${createHash('sha256').update(FACTSHEET_CSS).digest('base64')}'`;

function titleOf(sheet: Factsheet): string {
  return [sheet.cycle.title, sheet.priority?.name, sheet.year ? String(sheet.year) : null, sheet.geo?.name]
    .filter(Boolean)
    .join(' · ');
}

function resultsSection(sheet: Factsheet, { tr }: PageLanguage): string {
  if (!sheet.results.length) return '';
  const years = [...new Set(sheet.results.map((r) => r.year))];
  const sources = [...new Map(sheet.results.map((r) => [r.sourceUrl, r])).values()];
  return `<section aria-labelledby="results"><h2 id="results">${tr.t('factsheet.results.heading')}</h2>
${years
  .map(
    (year) =>
      `<p><strong>${year}</strong>, ${tr.t('factsheet.results.all-priorities')}</p><ul class="figures">${sheet.results
        .filter((r) => r.year === year)
        .map((r) => `<li><strong>${escape(formatResult(r, tr.locale))}</strong>${escape(r.label)}</li>`)
        .join('')}</ul>`,
  )
  .join('\n')}
<p class="source">${tr.t('factsheet.source', { sources: sources.map((s) => `${escape(s.source)}, <a href="${escape(s.sourceUrl)}">${escape(s.sourceUrl)}</a>`).join('; ') })}</p></section>`;
}

function kpiRow(k: FactsheetKpi, { tr, number }: PageLanguage): string {
  const latest = k.progress.latest;
  const progress = k.progress.progress === null ? '—' : `${Math.round(k.progress.progress * 100)}%`;
  return `<tr><td>${escape(k.definition)}${k.actionNumber ? ` <span class="source">(${escape(k.actionNumber)})</span>` : ''}</td>
<td class="num">${number.format(k.baselineValue)} (${k.baselineDate})</td><td class="num">${tr.t('factsheet.kpi.target-by', { value: number.format(k.targetValue), date: k.targetDate })}</td>
<td class="num">${latest ? `${number.format(latest.value)} (${escape(latest.period)})` : '—'}</td><td class="num">${progress}</td>
<td class="rag-${k.progress.rag}"><span aria-hidden="true">${RAG_SYMBOL[k.progress.rag]}</span> ${tr.t('factsheet.rag', { rag: k.progress.rag })}</td><td>${escape(k.unit)}</td></tr>`;
}

function kpiSection(sheet: Factsheet, language: PageLanguage): string {
  const { tr } = language;
  const columns = ['kpi', 'baseline', 'target', 'latest', 'progress', 'status', 'unit'];
  const body = sheet.kpis.length
    ? `<table><caption>${tr.t('factsheet.kpi.caption', { asOf: sheet.asOf })}</caption><thead>${headerRow(tr, 'factsheet.kpi.columns', columns)}</thead>
<tbody>${sheet.kpis.map((k) => kpiRow(k, language)).join('\n')}</tbody></table>
<p class="source">${tr.t('factsheet.kpi.rule')}</p>`
    : `<p>${tr.t('factsheet.kpi.none')}</p>`;
  return `<section aria-labelledby="kpis"><h2 id="kpis">${tr.t('factsheet.kpi.heading')}</h2>${body}</section>`;
}

function actionSection(sheet: Factsheet, { tr }: PageLanguage): string {
  const columns = ['action', 'title', 'chsg', 'leader', 'participants', 'period', 'status'];
  const body = sheet.actions.length
    ? `<table><caption>${tr.t('factsheet.actions.caption')}</caption><thead>${headerRow(tr, 'factsheet.actions.columns', columns)}</thead><tbody>
${sheet.actions
  .map(
    (
      a,
    ) => `<tr><td>${escape(a.number)}</td><td>${escape(a.title)}</td><td>${a.chsgNumber}</td><td>${escape(a.leader)}</td>
<td>${escape(a.participants.join(', ') || '—')}</td><td>${a.startDate} – ${a.endDate}</td><td>${escape(a.status)}</td></tr>`,
  )
  .join('\n')}</tbody></table>`
    : `<p>${tr.t('factsheet.actions.none')}</p>`;
  return `<section aria-labelledby="actions"><h2 id="actions">${tr.t('factsheet.actions.heading')}</h2>${body}</section>`;
}

function practiceSection(sheet: Factsheet, { tr }: PageLanguage): string {
  const evidence = (rating: string) =>
    tr.t('factsheet.practices.evidence', { rating: tr.t('ratings.level', { rating }) });
  const body = sheet.practices.length
    ? `<ul>${sheet.practices.map((p) => `<li><a href="/practices/${escape(p.slug)}">${escape(p.title)}</a> (${escape(evidence(p.rating))})</li>`).join('')}</ul>`
    : `<p>${tr.t('factsheet.practices.none')}</p>`;
  return `<section aria-labelledby="practices"><h2 id="practices">${tr.t('factsheet.practices.heading')}</h2>${body}</section>`;
}

function indicatorCell(i: FactsheetIndicator, geo: boolean, { tr, number }: PageLanguage): string {
  if (!i.period) return tr.t('factsheet.indicators.no-data');
  if (geo) return `${number.format(i.value!)}${i.flags ? ` ${escape(i.flags)}` : ''} (${escape(i.period)})`;
  return escape(tr.t('factsheet.indicators.countries-report', { countries: i.countries, period: i.period }));
}

function indicatorSection(sheet: Factsheet, language: PageLanguage): string {
  const { tr } = language;
  const geo = sheet.geo !== null;
  const columns = ['indicator', 'priority', geo ? 'value' : 'year'];
  const body = sheet.indicators.length
    ? `<table><caption>${tr.t('factsheet.indicators.caption')}${geo ? `, ${escape(sheet.geo!.name)}` : ''}</caption><thead>
${headerRow(tr, 'factsheet.indicators.columns', columns)}</thead><tbody>
${sheet.indicators
  .map(
    (i) => `<tr><td>${escape(i.name)} (${escape(i.code)})</td><td>${escape(i.priorities.join('; '))}</td>
<td class="num">${indicatorCell(i, geo, language)}</td></tr>`,
  )
  .join('\n')}</tbody></table>
<p class="source">${tr.t('factsheet.indicators.care')}</p>`
    : `<p>${tr.t('factsheet.indicators.none')}</p>`;
  return `<section aria-labelledby="indicators"><h2 id="indicators">${tr.t('factsheet.indicators.heading')}</h2>${body}</section>`;
}

/**
 * One self-contained HTML page in the reader's language: its only style is inline, allowed by its hash.
 * The records it shows (priorities, actions, results, practice titles) are printed as the secretariat
 * entered them.
 */
export function renderFactsheet(sheet: Factsheet, generatedAt: string, locale: Locale = 'en'): string {
  const language = pageLanguage(locale);
  const { tr } = language;
  const title = titleOf(sheet);
  const sections = [resultsSection, kpiSection, actionSection, practiceSection, indicatorSection];
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(tr.t('factsheet.title', { title }))}</title><style>${FACTSHEET_CSS}</style></head>
<body><header><p class="kicker">${tr.t('factsheet.kicker')}</p><h1>${escape(title)}</h1>
${sheet.priority ? `<p>${escape(sheet.priority.description)}</p>` : ''}
<p>${escape(tr.t('factsheet.intro'))}</p></header>
<main>${sections.map((section) => section(sheet, language)).join('')}</main>
<footer><p>${escape(tr.t('factsheet.footer', { asOf: sheet.asOf, generatedAt, source: sheet.cycle.source }))}</p></footer>
</body></html>`;
}
