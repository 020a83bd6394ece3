/** Minimal SVG string building: charts are pure (data, options) → SVG text, testable without a DOM. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Rounds numbers to 2 decimals so snapshots stay stable and output stays small. */
function attributeValue(value: string | number): string {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : escapeXml(value);
}

export function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${attributeValue(v as string | number)}"`))
    .join('');
}

export function tag(name: string, attrs: Attributes, children = ''): string {
  return children ? `<${name}${attributes(attrs)}>${children}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

export function text(content: string, attrs: Attributes): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** The outer element; title and desc give the chart an accessible name and summary. */
export function svgDocument(
  size: { width: number; height: number },
  label: { title: string; description?: string; className?: string; interactive?: boolean },
  body: string,
): string {
  const head = `<title>${escapeXml(label.title)}</title>${label.description ? `<desc>${escapeXml(label.description)}</desc>` : ''}`;
  return tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${size.width} ${size.height}`,
      width: size.width,
      height: size.height,
      // A chart with links or focusable shapes is a group (an img may not hold interactive content).
      role: label.interactive ? 'group' : 'img',
      'aria-label': label.interactive ? label.title : undefined,
      class: label.className,
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
    },
    head + body,
  );
}

/** Rounds path data coordinates to 1 decimal. */
export function roundPath(d: string | null | undefined): string {
  return (d ?? '').replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}
