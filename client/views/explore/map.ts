import mapUrl from '../../map/europe-3035.json?url';
import type { MapGeometry } from '../../charts/choropleth';
import { formatValue, type Measure } from '../../charts/format';
import { h } from '../../components/dom';
import { FLAG_TEXT } from '../flag-text';
import type { MeasuredObservation } from '../view-parts';

let geometry: Promise<MapGeometry> | null = null;

/** The derived GISCO geometry (EPSG:3035, km), fetched once. */
export function loadMap(): Promise<MapGeometry> {
  geometry ??= fetch(mapUrl).then((r) => {
    if (!r.ok) throw new Error(`The map geometry could not be loaded (${r.status}).`);
    return r.json() as Promise<MapGeometry>;
  });
  return geometry;
}

export interface RankedCell {
  geo: string;
  name: string;
  observation: MeasuredObservation | null;
  value: number | null;
  flags: string;
  rank: number | null;
  of: number;
}

/** The countries' cells for one year, ranked (1 = highest), countries without a value unranked. */
export function rankCells(countries: { code: string; name: string }[], observations: MeasuredObservation[], year: number): RankedCell[] {
  const byGeo = new Map(observations.filter((o) => o.period.startsWith(String(year))).map((o) => [o.geo, o]));
  const cells = countries.map((c) => {
    const observation = byGeo.get(c.code) ?? null;
    const value = observation && observation.value !== null && Number.isFinite(observation.value) ? observation.value : null;
    return { geo: c.code, name: c.name, observation, value, flags: observation?.flags ?? '', rank: null as number | null, of: 0 };
  });
  const withValue = cells.filter((c) => c.value !== null).sort((a, b) => b.value! - a.value! || a.geo.localeCompare(b.geo));
  withValue.forEach((c, i) => {
    c.rank = i + 1;
  });
  for (const c of cells) c.of = withValue.length;
  return cells;
}

export function denominatorText(cell: RankedCell): string {
  const d = cell.observation?.denominator;
  return d ? `population ${formatValue(d.value, 'count')} (${d.period}${d.flags ? `, flags ${d.flags}` : ''})` : '';
}

export function flagText(flags: string): string {
  return [...flags].map((f) => `${f}: ${FLAG_TEXT[f] ?? 'unknown flag'}`).join('; ');
}

/** Tooltip content for a geo on the map. */
export function tooltipContent(cell: RankedCell, measure: Measure, unit: string): HTMLElement {
  const reason = cell.observation?.reason;
  return h('div', {},
    h('strong', { text: cell.name }),
    h('div', { text: cell.value === null ? `No data${reason ? `: ${reason}` : ''}` : `${formatValue(cell.value, measure)} ${unit}` }),
    cell.flags ? h('div', { text: `Flags: ${flagText(cell.flags)}` }) : null,
    cell.rank ? h('div', { text: `Rank ${cell.rank} of ${cell.of} (1 = highest)` }) : null,
    measure === 'rate' && denominatorText(cell) ? h('div', { text: `Denominator: ${denominatorText(cell)}` }) : null,
    h('div', { class: 'hint', text: 'Click or press Enter for the country profile' }));
}
