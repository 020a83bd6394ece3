export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts a delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a head of complete lines. A Eurostat TSV header ("geo\\TIME_PERIOD<tab>...") settles it.
 * Otherwise the delimiter that splits the most lines of the head into the same number of fields. Preamble
 * lines (World Bank) and thousands commas (BKA) disagree with the data lines and lose the vote; on a
 * tie the delimiter that makes more fields wins (Eurostat's comma-joined key column against its tabs).
 */
export function sniffDelimiter(headText: string): Delimiter {
  const lines = headText
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (/\\(TIME_PERIOD|time)\t/i.test(lines[0] ?? '')) return '\t';
  let best: { delimiter: Delimiter; score: number; fields: number } = { delimiter: ',', score: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    let fields = 0;
    for (const [n, lineCount] of counts) {
      if (lineCount > score || (lineCount === score && n > fields)) [score, fields] = [lineCount, n];
    }
    if (score > best.score || (score === best.score && fields > best.fields)) best = { delimiter, score, fields };
  }
  return best.delimiter;
}

export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}
