import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type MapGeometry, mapHeight, renderChoropleth } from '../../client/charts/choropleth';
import { renderCompletenessMap } from '../../client/views/rounds/completeness-map';

/**
 * A map drawn at the width it is shown (client/views/view-parts.ts mapWidth): its legend's 12 px text
 * is 12 px on screen, and on a phone-wide map the legend wraps into fewer columns instead of running
 * its labels into each other. The default 560-wide map is unchanged (charts.test.ts's snapshot).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const map = JSON.parse(readFileSync(path.join(here, '../../client/map/europe-3035.json'), 'utf8')) as MapGeometry;
const countries = map.features.map((f, i) => ({
  geo: f.id,
  name: f.properties.name,
  value: 1000 * (i + 1),
  flags: '',
}));

/** The legend's swatches as their x and y, and each label's x. */
function legendOf(svg: string): { swatches: { x: number; y: number }[]; labels: number[] } {
  const legend = svg.slice(svg.indexOf('<g class="legend"'));
  const swatches = [...legend.matchAll(/<rect x="([\d.]+)" y="([\d.]+)"/g)].map((m) => ({ x: +m[1]!, y: +m[2]! }));
  const labels = [...legend.matchAll(/<text x="([\d.]+)"/g)].map((m) => +m[1]!);
  return { swatches, labels };
}

describe('a choropleth drawn at a phone width', () => {
  it('keeps its size, its 12 px type, and a legend in two columns that fits inside it', () => {
    const svg = renderChoropleth(map, countries, { title: 'Counts', measure: 'count', width: 326 });
    expect(svg).toContain(`viewBox="0 0 326 ${mapHeight(326)}"`);
    expect(svg).toContain('font-size="12"');
    const { swatches, labels } = legendOf(svg);
    expect(swatches).toHaveLength(6);
    expect(new Set(swatches.map((s) => s.x)).size).toBe(2);
    expect(new Set(swatches.map((s) => s.y)).size).toBe(3);
    // Each label has a column of (326 - 16) / 2 = 155 px, less its swatch: room for "123,456 – 234,567".
    for (const x of labels) expect(x).toBeLessThan(326 - 129);
    expect(Math.max(...swatches.map((s) => s.y)) + 14).toBeLessThanOrEqual(mapHeight(326));
  });

  it('keeps three columns and 520 px of height at the default 560', () => {
    expect(mapHeight(560)).toBe(520);
    const { swatches } = legendOf(renderChoropleth(map, countries, { title: 'Counts', measure: 'count' }));
    expect(new Set(swatches.map((s) => s.x)).size).toBe(3);
  });
});

describe("a round's completeness map drawn at a phone width", () => {
  it('wraps its legend the same way', () => {
    const cells = map.features.map((f, i) => ({
      geo: f.id,
      name: f.properties.name,
      completeness: (i * 7) % 101,
      complete: false,
    }));
    const svg = renderCompletenessMap(map, cells, { title: 'Round 2026', width: 326 });
    expect(svg).toContain(`viewBox="0 0 326 ${mapHeight(326)}"`);
    const { swatches, labels } = legendOf(svg);
    expect(new Set(swatches.map((s) => s.x)).size).toBe(2);
    for (const x of labels) expect(x).toBeLessThan(326 - 129);
  });
});
