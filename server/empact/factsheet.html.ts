import { createHash } from 'node:crypto';
import type { EmpactResult, RagStatus } from '../shared/api/empact';
import type { Factsheet, FactsheetIndicator, FactsheetKpi } from './factsheet.service';

// biome-ignore lint/suspicious/noShadowRestrictedNames: a local helper named for what it does; the global is never needed in this module
const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "13,871 persons", "over €797 million": as the published results are worded. */
export function formatResult(result: EmpactResult): string {
  const over = result.qualifier === 'over' ? 'over ' : '';
  if (result.unit === 'EUR') {
    const millions = result.value / 1_000_000;
    return `${over}€${millions >= 1 ? `${number.format(millions)} million` : number.format(result.value)}`;
  }
  return `${over}${number.format(result.value)} ${result.unit}`;
}

const RAG_TEXT: Record<RagStatus, { symbol: string; label: string }> = {
  green: { symbol: '●', label: 'On track' },
  amber: { symbol: '▲', label: 'At risk' },
  red: { symbol: '■', label: 'Off track' },
  not_reported: { symbol: '○', label: 'Not reported' },
};

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

function resultsSection(sheet: Factsheet): string {
  if (!sheet.results.length) return '';
  const years = [...new Set(sheet.results.map((r) => r.year))];
  const sources = [...new Map(sheet.results.map((r) => [r.sourceUrl, r])).values()];
  return `<section aria-labelledby="results"><h2 id="results">Published results</h2>
${years
  .map(
    (year) =>
      `<p><strong>${year}</strong>, all EMPACT priorities:</p><ul class="figures">${sheet.results
        .filter((r) => r.year === year)
        .map((r) => `<li><strong>${escape(formatResult(r))}</strong>${escape(r.label)}</li>`)
        .join('')}</ul>`,
  )
  .join('\n')}
<p class="source">Source: ${sources.map((s) => `${escape(s.source)}, <a href="${escape(s.sourceUrl)}">${escape(s.sourceUrl)}</a>`).join('; ')}</p></section>`;
}

function kpiRow(k: FactsheetKpi): string {
  const rag = RAG_TEXT[k.progress.rag];
  const latest = k.progress.latest;
  const progress = k.progress.progress === null ? '—' : `${Math.round(k.progress.progress * 100)}%`;
  return `<tr><td>${escape(k.definition)}${k.actionNumber ? ` <span class="source">(${escape(k.actionNumber)})</span>` : ''}</td>
<td class="num">${number.format(k.baselineValue)} (${k.baselineDate})</td><td class="num">${number.format(k.targetValue)} by ${k.targetDate}</td>
<td class="num">${latest ? `${number.format(latest.value)} (${escape(latest.period)})` : '—'}</td><td class="num">${progress}</td>
<td class="rag-${k.progress.rag}"><span aria-hidden="true">${rag.symbol}</span> ${rag.label}</td><td>${escape(k.unit)}</td></tr>`;
}

function kpiSection(sheet: Factsheet): string {
  const body = sheet.kpis.length
    ? `<table><caption>KPIs, progress toward target at ${sheet.asOf}</caption><thead><tr><th scope="col">KPI</th><th scope="col">Baseline</th>
<th scope="col">Target</th><th scope="col">Latest</th><th scope="col">Progress</th><th scope="col">Status</th><th scope="col">Unit</th></tr></thead>
<tbody>${sheet.kpis.map(kpiRow).join('\n')}</tbody></table>
<p class="source">Progress = (latest − baseline) ÷ (target − baseline). On track: at least 90% of the progress the time used would suggest;
at risk: at least 60%; off track: less, or moving away from the target.</p>`
    : '<p>No public KPI for this selection yet.</p>';
  return `<section aria-labelledby="kpis"><h2 id="kpis">KPI progress</h2>${body}</section>`;
}

function actionSection(sheet: Factsheet): string {
  const body = sheet.actions.length
    ? `<table><caption>Public operational actions</caption><thead><tr><th scope="col">Action</th><th scope="col">Title</th><th scope="col">CHSG</th>
<th scope="col">Leader</th><th scope="col">Participants</th><th scope="col">Period</th><th scope="col">Status</th></tr></thead><tbody>
${sheet.actions
  .map(
    (
      a,
    ) => `<tr><td>${escape(a.number)}</td><td>${escape(a.title)}</td><td>${a.chsgNumber}</td><td>${escape(a.leader)}</td>
<td>${escape(a.participants.join(', ') || '—')}</td><td>${a.startDate} – ${a.endDate}</td><td>${escape(a.status)}</td></tr>`,
  )
  .join('\n')}</tbody></table>`
    : '<p>No public operational action for this selection yet.</p>';
  return `<section aria-labelledby="actions"><h2 id="actions">Operational actions</h2>${body}</section>`;
}

function practiceSection(sheet: Factsheet): string {
  const body = sheet.practices.length
    ? `<ul>${sheet.practices.map((p) => `<li><a href="/practices/${escape(p.slug)}">${escape(p.title)}</a> (evidence: ${escape(p.rating.replace(/_/g, ' '))})</li>`).join('')}</ul>`
    : '<p>No published practice is linked to this selection yet.</p>';
  return `<section aria-labelledby="practices"><h2 id="practices">Prevention practices</h2>${body}</section>`;
}

function indicatorCell(i: FactsheetIndicator, geo: boolean): string {
  if (geo)
    return i.period
      ? `${number.format(i.value!)}${i.flags ? ` ${escape(i.flags)}` : ''} (${escape(i.period)})`
      : 'no data';
  return i.period ? `${i.countries} countries report ${escape(i.period)}` : 'no data';
}

function indicatorSection(sheet: Factsheet): string {
  const geo = sheet.geo !== null;
  const body = sheet.indicators.length
    ? `<table><caption>Observatory indicators of the crime area${geo ? `, ${escape(sheet.geo!.name)}` : ''}</caption><thead><tr>
<th scope="col">Indicator</th><th scope="col">Priority</th><th scope="col">${geo ? 'Latest value' : 'Latest year'}</th></tr></thead><tbody>
${sheet.indicators
  .map(
    (i) => `<tr><td>${escape(i.name)} (${escape(i.code)})</td><td>${escape(i.priorities.join('; '))}</td>
<td class="num">${indicatorCell(i, geo)}</td></tr>`,
  )
  .join('\n')}</tbody></table>
<p class="source">Police-recorded figures depend on national law and recording practice: compare countries with care.</p>`
    : '<p>The observatory has no indicator for this crime area yet.</p>';
  return `<section aria-labelledby="indicators"><h2 id="indicators">What the observatory measures</h2>${body}</section>`;
}

/** One self-contained HTML page: its only style is inline, allowed by its hash. */
export function renderFactsheet(sheet: Factsheet, generatedAt: string): string {
  const title = titleOf(sheet);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>EMPACT factsheet: ${escape(title)}</title><style>${FACTSHEET_CSS}</style></head>
<body><header><p class="kicker">EMPACT factsheet · Crime Prevention Observatory</p><h1>${escape(title)}</h1>
${sheet.priority ? `<p>${escape(sheet.priority.description)}</p>` : ''}
<p>EMPACT is the EU's permanent policy cycle against organised and serious international crime. The European Crime Prevention
Network works within it on CHSG 7 (prevention, awareness raising and harm reduction, early identification of and assistance to
victims) and CHSG 9 (the administrative approach).</p></header>
<main>${resultsSection(sheet)}${kpiSection(sheet)}${actionSection(sheet)}${practiceSection(sheet)}${indicatorSection(sheet)}</main>
<footer><p>Public records only. Status at ${sheet.asOf}; generated ${escape(generatedAt)}. Priorities: ${escape(sheet.cycle.source)}.</p></footer>
</body></html>`;
}
