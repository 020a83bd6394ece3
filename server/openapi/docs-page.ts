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

function parameterRows(parameters: OpenApiParameter[]): string {
  if (!parameters.length) return '<p>No parameters.</p>';
  const rows = parameters
    .map(
      (p) =>
        `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(typeOf(p.schema))}</td><td>${esc(p.description ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<table><caption class="visually-hidden">Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">type</th><th scope="col">meaning</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationSection(path: string, method: string, op: OpenApiOperation): string {
  const responses = Object.entries(op.responses)
    .map(
      ([code, r]) =>
        `<li><strong>${esc(code)}</strong> ${esc(r.description)}${r.content ? ` (${esc(Object.keys(r.content).join(', '))})` : ''}</li>`,
    )
    .join('');
  return `<section id="${esc(op.operationId)}" aria-labelledby="${esc(op.operationId)}-title">
<h3 id="${esc(op.operationId)}-title"><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>
<p><strong>Access:</strong> ${esc(op['x-access'])}</p>
${parameterRows(op.parameters)}
<p><strong>Responses:</strong></p><ul>${responses}</ul>
</section>`;
}

/** A readable, script-free reference page rendered from the OpenAPI document. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(path, method, op)]);
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
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}: reference</title>
<link rel="stylesheet" href="/api/docs.css">
</head>
<body>
<a class="skip" href="#main">Skip to the reference</a>
<header><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p>
<p>Version ${esc(doc.info.version)}. Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p></header>
<nav aria-label="Routes"><h2>Routes</h2><ul>${toc.join('')}</ul></nav>
<main id="main">${sections}</main>
</body>
</html>
`;
}

export const DOCS_CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:72rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
section section{border-top:1px solid #767676;padding-top:.5rem}.method{font-weight:700;color:#00457a}
a{color:#00457a}a:focus{outline:3px solid #b35c00}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
