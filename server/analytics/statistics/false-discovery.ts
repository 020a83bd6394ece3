/**
 * Benjamini–Hochberg adjusted p-values (q-values): q(i) = min over j ≥ i of p(j)·m / j, p sorted
 * ascending. Rejecting every test with q < α keeps the expected share of false alarms among the
 * alerts at α or below (for independent or positively dependent tests).
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[i] = running;
  }
  return q;
}
