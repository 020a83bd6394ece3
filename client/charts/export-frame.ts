import { t } from '../i18n/i18n';
import { svgDocument, tag, text } from './svg';
import { wrapText } from './text-width';

/**
 * What a downloaded chart says about itself, as Our World in Data's grapher downloads do: a PNG or
 * SVG file travels alone (into a report, a slide), so it carries its title, subtitle, unit, source,
 * licence, data version and the address of the view that drew it.
 */
export interface ExportMeta {
  title: string;
  subtitle?: string;
  unit: string;
  source: string;
  licence: string;
  /** The data version as a reader's date (and the pinned vintage, when there is one). */
  dataVersion: string;
  /** The observatory's address of this view, with its URL state. */
  url: string;
  /** A credit the chart's parts require (the map's boundaries). */
  credit?: string;
}

const PAD = 16;
const TITLE = 18;
const SUBTITLE = 13;
const FOOT = 11;

function lines(content: string, width: number, size: number, y: number, attrs: Record<string, string | number>) {
  const wrapped = wrapText(content, width, size);
  const svg = wrapped
    .map((line, i) => text(line, { x: PAD, y: y + size + i * Math.round(size * 1.3), 'font-size': size, ...attrs }))
    .join('');
  return { svg, height: wrapped.length * Math.round(size * 1.3) };
}

/** The chart's SVG (its outer element) framed by a header and a footer, as one SVG document. */
export function frameChart(
  chart: string,
  size: { width: number; height: number },
  meta: ExportMeta,
): { svg: string; width: number; height: number } {
  const width = Math.max(size.width, 480);
  const room = width - 2 * PAD;
  const title = lines(meta.title, room, TITLE, PAD, { 'font-weight': 700, fill: '#1a1a1a', class: 'export-title' });
  const subtitle = meta.subtitle
    ? lines(meta.subtitle, room, SUBTITLE, PAD + title.height + 2, { fill: '#4d4d4d', class: 'export-subtitle' })
    : { svg: '', height: 0 };
  const top = PAD + title.height + subtitle.height + 10;
  const footer = [
    t('chart.export-unit', { unit: meta.unit }),
    [t('chart.export-source', { source: meta.source }), meta.credit].filter(Boolean).join(' '),
    t('chart.export-licence', { licence: meta.licence }),
    t('chart.export-version', { version: meta.dataVersion }),
    meta.url,
  ];
  let y = top + size.height + 8;
  const foot = footer
    .map((line) => {
      const block = lines(line, room, FOOT, y, { fill: '#4d4d4d', class: 'export-footer' });
      y += block.height;
      return block.svg;
    })
    .join('');
  const height = y + PAD;
  // The chart nests as an inner <svg> placed below the header, centred when narrower than the frame.
  const inner = chart
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg/, `<svg x="${Math.round((width - size.width) / 2)}" y="${top}"`);
  const svg = svgDocument(
    { width, height },
    { title: meta.title, description: meta.subtitle, className: 'chart-export' },
    tag('rect', { width, height, fill: '#ffffff' }) + title.svg + subtitle.svg + inner + foot,
  );
  return { svg, width, height };
}
