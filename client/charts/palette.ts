/**
 * Colour-blind-safe palettes. Sequential classes vary in lightness (readable in greyscale and
 * for every colour-vision deficiency); series use Okabe–Ito colours AND distinct marker shapes
 * and dash patterns so that colour is never the only cue.
 */

/** ColorBrewer YlGnBu, 5 classes: monotone in lightness. */
export const SEQUENTIAL = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/**
 * Okabe–Ito, reordered for contrast on white (yellow last), with Okabe–Ito's black replaced by Paul
 * Tol's wine: every country colour has a hue, so no country line can be taken for the EU's neutral
 * dark one (Spain's black line looked like the EU's dark grey).
 */
export const CATEGORICAL = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#E69F00',
  '#882255',
  '#F0E442',
] as const;

export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
export type MarkerShape = (typeof MARKERS)[number];

export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'] as const;

/**
 * The group aggregate (EU) line: neutral (no country colour is), thicker than any country line, a
 * long dash no country uses, on a white casing so it stays visible where it crosses other lines,
 * and labelled in bold. Distinct whatever the number of series or the palette.
 */
export const AGGREGATE_STYLE = { colour: '#333333', dash: '12 4', width: 3.5, casing: 6 } as const;
export const SERIES_WIDTH = 2;

export interface SeriesStyle {
  colour: string;
  marker: MarkerShape;
  dash: string;
}

export function seriesStyle(index: number): SeriesStyle {
  return {
    colour: CATEGORICAL[index % CATEGORICAL.length]!,
    marker: MARKERS[index % MARKERS.length]!,
    dash: DASHES[index % DASHES.length]!,
  };
}

/** Text colour readable on a sequential class. */
export function inkOn(fill: string): string {
  return SEQUENTIAL.indexOf(fill as (typeof SEQUENTIAL)[number]) >= 3 ? '#ffffff' : '#1a1a1a';
}
