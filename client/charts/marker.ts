import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle } from 'd3-shape';
import type { MarkerShape } from './palette';
import { roundPath, tag } from './svg';

const SYMBOLS = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
} as const;

const pathCache = new Map<string, string>();

function symbolPath(shape: MarkerShape, size: number): string {
  const key = `${shape}:${size}`;
  if (!pathCache.has(key)) pathCache.set(key, roundPath(symbol(SYMBOLS[shape], size)()));
  return pathCache.get(key)!;
}

/** A point marker; hollow (white fill) when the value is provisional or estimated. */
export function pointMarker(
  x: number,
  y: number,
  shape: MarkerShape,
  colour: string,
  hollow: boolean,
  size = 42,
): string {
  return tag('path', {
    d: symbolPath(shape, size),
    transform: `translate(${Math.round(x * 10) / 10},${Math.round(y * 10) / 10})`,
    fill: hollow ? '#ffffff' : colour,
    stroke: colour,
    'stroke-width': 1.5,
    class: hollow ? 'point hollow' : 'point',
  });
}

/** Provisional (p) and estimated (e) values are drawn hollow. */
export function isTentative(flags: string): boolean {
  return /[pe]/.test(flags);
}
