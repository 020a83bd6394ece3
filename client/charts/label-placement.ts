/**
 * Line-end labels that never overlap: each label wants to sit at its line's last value; labels are
 * sorted by that position and pushed apart to at least `gap` pixels, first downwards, then back up
 * from the bottom edge when the stack would fall off the chart (a one-dimensional greedy placement,
 * as in Our World in Data's grapher). A label moved from its line gets a leader line (drawn by the chart).
 */
export interface LabelWish {
  key: string;
  /** Where the label would like to be (its line's last value), in pixels. */
  y: number;
}

export function placeLabels(
  wishes: LabelWish[],
  bounds: { top: number; bottom: number; gap: number },
): Map<string, number> {
  const sorted = [...wishes].sort((a, b) => a.y - b.y || a.key.localeCompare(b.key));
  const placed = sorted.map((w) => Math.min(Math.max(w.y, bounds.top), bounds.bottom));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + bounds.gap);
  const overflow = (placed.at(-1) ?? bounds.bottom) - bounds.bottom;
  if (overflow > 0) {
    placed[placed.length - 1] = bounds.bottom;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - bounds.gap);
  }
  // More labels than the height holds: spread them evenly from the top (they still never overlap).
  if ((placed[0] ?? bounds.top) < bounds.top)
    for (let i = 0; i < placed.length; i++) placed[i] = bounds.top + i * bounds.gap;
  return new Map(sorted.map((w, i) => [w.key, placed[i]!]));
}
