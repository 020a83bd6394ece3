import type { Locale } from '../shared/i18n';
import { translate } from '../i18n/translate';
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi.document';

/** HTML-escapes text placed in the page. */
function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Record<string, unknown>[]).map(typeOf).join(' or ');
  if (schema.type === 'array') return `list of ${typeOf((schema.items ?? {}) as Record<string, unknown>)}`;
  const base = typeof schema.type === 'string' ? schema.type : 'any';
  const pattern = typeof schema.pattern === 'string' ? ` matching ${schema.pattern}` : '';
  const fallback = schema.default !== undefined ? ` (default ${JSON.stringify(schema.default)})` : '';
  return `${base}${pattern}${fallback}`;
}

function parameterRows(parameters: OpenApiParameter[], say: Say, en: string): string {
  if (!parameters.length) return `<p>${esc(say('api-docs.no-parameters'))}</p>`;
  const rows = parameters
    .map(
      (p) =>
        `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${esc(say(p.required ? 'api-docs.yes' : 'api-docs.no'))}</td><td>${esc(typeOf(p.schema))}</td><td${en}>${esc(p.description ?? '')}</td></tr>`,
    )
    .join('\n');
  const head = ['name', 'in', 'required', 'type', 'meaning']
    .map((column) => `<th scope="col">${esc(say(`api-docs.column-${column}`))}</th>`)
    .join('');
  return `<table><caption class="visually-hidden">${esc(say('api-docs.parameters'))}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function operationSection(path: string, method: string, op: OpenApiOperation, say: Say, en: string): string {
  const responses = Object.entries(op.responses)
    .map(
      ([code, r]) =>
        `<li><strong>${esc(code)}</strong> ${esc(r.description)}${r.content ? ` (${esc(Object.keys(r.content).join(', '))})` : ''}</li>`,
    )
    .join('');
  return `<section id="${esc(op.operationId)}" aria-labelledby="${esc(op.operationId)}-title">
<h3 id="${esc(op.operationId)}-title"><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p${en}>${esc(op.summary)}</p>
<p><strong>${esc(say('api-docs.access'))}</strong> <span${en}>${esc(op['x-access'])}</span></p>
${parameterRows(op.parameters, say, en)}
<p><strong>${esc(say('api-docs.responses'))}</strong></p><ul${en}>${responses}</ul>
</section>`;
}

type Say = (key: string, params?: Record<string, string>) => string;

/**
 * A readable, script-free reference page rendered from the OpenAPI document, its frame in the
 * reader's language. The routes' own summaries and descriptions are English (they come from the
 * route definitions): outside an English page they are marked lang="en" for screen readers.
 */
export function renderDocsPage(doc: OpenApiDocument, locale: Locale = 'en'): string {
  const say: Say = (key, params) => translate(locale, { key, params });
  const en = locale === 'en' ? '' : ' lang="en"';
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(path, method, op, say, en)]);
      toc.push(`<li><a href="#${esc(op.operationId)}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`);
    }
  }
  const sections = [...byTag.entries()]
    .map(
      ([tag, ops]) =>
        `<section aria-labelledby="tag-${esc(tag)}"><h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(say('api-docs.title', { title: doc.info.title }))}</title>
<link rel="stylesheet" href="/api/docs.css">
</head>
<body>
<a class="skip" href="#main">${esc(say('api-docs.skip'))}</a>
<header><h1>${esc(doc.info.title)}</h1><p${en}>${esc(doc.info.description)}</p>
<p>${esc(say('api-docs.version', { version: doc.info.version }))} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p></header>
<nav aria-label="${esc(say('api-docs.routes'))}"><h2>${esc(say('api-docs.routes'))}</h2><ul>${toc.join('')}</ul></nav>
<main id="main">${sections}</main>
</body>
</html>
`;
}

/**
 * The page's style. Long paths, patterns and enum lists may break anywhere: with five columns of
 * them the page was 557 px wide on a 360 px phone; now it fits any width without sideways scrolling.
 */
export const DOCS_CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:72rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.2rem .3rem}table{font-size:.9rem}}
code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
section section{border-top:1px solid #767676;padding-top:.5rem}.method{font-weight:700;color:#00457a}
a{color:#00457a}a:focus{outline:3px solid #b35c00}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
