/**
 * An estimate of a text's rendered width in a sans-serif font, without a DOM: charts are pure
 * functions, so they cannot measure. Em widths of Helvetica/Arial-like faces, rounded up a little so
 * an estimate errs on the wide side (a label given too much room is better than a clipped one).
 */
const NARROW = new Set([...".,:;'|!il1 ()[]tfjrI"]);
const WIDE = new Set([...'mwMW@%⚠']);

export function textWidth(content: string, fontSize: number): number {
  let ems = 0;
  for (const ch of content) {
    if (NARROW.has(ch)) ems += 0.33;
    else if (WIDE.has(ch)) ems += 0.9;
    else if (ch >= 'A' && ch <= 'Z') ems += 0.68;
    else ems += 0.57;
  }
  return ems * fontSize;
}

/** Splits text into lines no wider than `width`; a word wider than the width (a URL) is cut where it must be. */
export function wrapText(content: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (textWidth(next, fontSize) <= width) {
      current = next;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const ch of word) {
      if (current && textWidth(current + ch, fontSize) > width) {
        lines.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) lines.push(current);
  return lines;
}
