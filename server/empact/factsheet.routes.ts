import { defineRoute, RouteResponse } from '../http/route';
import { FactsheetQuery } from './empact.schema';
import { FACTSHEET_CSS_HASH, renderFactsheet } from './factsheet.html';
import { renderPdf } from './factsheet.pdf';
import { buildFactsheet } from './factsheet.service';

/** The page's own policy: no script at all, and only its inline stylesheet. */
const FACTSHEET_CSP =
  `default-src 'none'; style-src ${FACTSHEET_CSS_HASH}; img-src 'self' data:; base-uri 'none'; ` +
  "form-action 'none'; frame-ancestors 'self'";

const fileStem = (q: FactsheetQuery) =>
  ['empact-factsheet', q.cycle, q.priority ? `priority-${q.priority}` : null, q.year, q.geo].filter(Boolean).join('-');

export const factsheetRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/empact/factsheet',
    tag: 'empact',
    access: { kind: 'public' },
    query: FactsheetQuery,
    summary:
      'A printable factsheet (HTML) per cycle, and optionally per priority, year and country: public records only',
    handler: async ({ db, query, locale }) => {
      const html = renderFactsheet(await buildFactsheet(db, query), new Date().toISOString().slice(0, 10), locale);
      return new RouteResponse(html, {
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': FACTSHEET_CSP },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/factsheet.pdf',
    tag: 'empact',
    access: { kind: 'public' },
    query: FactsheetQuery,
    summary: 'The same factsheet as a PDF download, printed by headless Chromium (503 when Chromium is not installed)',
    handler: async ({ db, query, config, locale }) => {
      const html = renderFactsheet(await buildFactsheet(db, query), new Date().toISOString().slice(0, 10), locale);
      return new RouteResponse(await renderPdf(html, config.CHROMIUM_PATH), {
        contentType: 'application/pdf',
        fileName: `${fileStem(query)}.pdf`,
      });
    },
  }),
];
