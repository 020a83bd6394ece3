import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MapGeometry } from '../../../client/charts/choropleth';
import { SEQUENTIAL } from '../../../client/charts/palette';
import {
  completenessColour,
  type CompletenessCell,
  renderCompletenessMap,
} from '../../../client/views/rounds/completeness-map';
import { mapCells, rateText } from '../../../client/views/rounds/state';

const here = path.dirname(fileURLToPath(import.meta.url));
const map = JSON.parse(readFileSync(path.join(here, '../../../client/map/europe-3035.json'), 'utf8')) as MapGeometry;
const cells = JSON.parse(readFileSync(path.join(here, 'fixtures/completeness.json'), 'utf8')) as CompletenessCell[];

describe('the completeness map', () => {
  it('draws the fixture as a stable SVG', async () => {
    await expect(
      renderCompletenessMap(map, cells, { title: 'Completeness of Core indicators 2023' }),
    ).toMatchFileSnapshot('__snapshots__/completeness-map.svg');
  });

  it('colours by fixed classes, whatever the other countries deliver', () => {
    expect([0, 24.9, 25, 74.9, 75, 99.9, 100].map(completenessColour)).toEqual([
      SEQUENTIAL[0],
      SEQUENTIAL[0],
      SEQUENTIAL[1],
      SEQUENTIAL[2],
      SEQUENTIAL[3],
      SEQUENTIAL[3],
      SEQUENTIAL[4],
    ]);
  });

  it('names each asked country with its share and whether it is complete, and leaves the others out of the accessibility tree', () => {
    const svg = renderCompletenessMap(map, cells, { title: 't' });
    expect(svg).toContain('aria-label="Netherlands: 100 % of expected cells, marked complete"');
    expect(svg).toContain('aria-label="Germany: 50 % of expected cells, not complete"');
    expect(svg).toMatch(/data-geo="PL"[^>]*aria-hidden="true"/);
    expect(svg).toContain('Map of the 5 geos a round asks for');
  });

  it('takes its cells from the completeness answer', () => {
    const answer = { geos: [{ geo: 'NL', geoName: 'Netherlands', cellCompleteness: 50, actual: 1 }] };
    expect(mapCells(answer as never)).toEqual([{ geo: 'NL', name: 'Netherlands', completeness: 50, complete: true }]);
    expect(rateText(74.07)).toBe('74.1%');
    expect(rateText(null)).toBe('—');
  });
});
