import type { IndicatorRow } from '../db/tables/indicator.table';
import type { Alert, ReclassificationNotice } from '../shared/api/analytics';
import { type CellLookup, type CountTest, seriesYear } from './screen';
import { formatNumber, type Locale } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { geoNameIn } from './explanation';

/** A test that passed the false-discovery-rate control, with what the hierarchy adds to it. */
export interface Significant {
  test: CountTest;
  q: number;
  linked: Alert['linked'];
}

function change(
  cells: CellLookup,
  indicator: string,
  geo: string,
  year: number,
): { previous: number; current: number } | null {
  const current = seriesYear(cells, indicator, geo, year).count;
  const previous = seriesYear(cells, indicator, geo, year - 1).count;
  return current === null || previous === null ? null : { previous, current };
}

const delta = (c: { previous: number; current: number }) => c.current - c.previous;

/**
 * A possible reclassification: a child jumps while a sibling moves the other way by a comparable
 * amount (each at least half the other, in offences) and the parent barely moves (by at most half the
 * smaller of the two). Offences have moved between categories, not necessarily in the world.
 */
function reclassificationOf(
  cells: CellLookup,
  test: CountTest,
  sibling: IndicatorRow,
  parent: IndicatorRow,
  year: number,
  locale: Locale,
): ReclassificationNotice | null {
  const geo = test.geo.code;
  const own = change(cells, test.indicator.code, geo, year);
  const other = change(cells, sibling.code, geo, year);
  const whole = change(cells, parent.code, geo, year);
  if (!own || !other || !whole) return null;
  const [a, b, p] = [delta(own), delta(other), delta(whole)];
  if (a === 0 || b === 0 || Math.sign(a) === Math.sign(b)) return null;
  if (Math.abs(b) < 0.5 * Math.abs(a) || Math.abs(a) < 0.5 * Math.abs(b)) return null;
  if (Math.abs(p) > 0.5 * Math.min(Math.abs(a), Math.abs(b))) return null;
  const [rising, falling] = a > 0 ? [test.indicator, sibling] : [sibling, test.indicator];
  const counts = { [test.indicator.code]: own, [sibling.code]: other, [parent.code]: whole };
  const say = (row: IndicatorRow) =>
    `${row.name} (${row.code}) ${formatNumber(counts[row.code]!.previous, locale)} → ${formatNumber(counts[row.code]!.current, locale)}`;
  const share = { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 } as const;
  const parentChange = whole.previous > 0 ? ` (${formatNumber(p / whole.previous, locale, share)})` : '';
  return {
    geo,
    geoName: test.geo.name,
    period: String(year),
    parent: parent.code,
    rising: rising.code,
    falling: falling.code,
    counts,
    text: translate(locale, {
      key: 'alerts.notice-reclassification',
      params: {
        geo: geoNameIn(geo, test.geo.name, locale),
        year,
        rising: say(rising),
        falling: say(falling),
        parent: say(parent),
        parentChange,
        code: geo,
      },
    }),
  };
}

/**
 * Applies the ICCS hierarchy to a year's significant tests: a reclassification becomes one notice
 * instead of alerts on the child, its sibling and the parent; when parent and child move together,
 * one alert is kept at the level that explains the movement (the child when it carries at least
 * half of the parent's change) and the other is linked to it.
 */
export function reviewHierarchy(
  cells: CellLookup,
  indicators: Map<string, IndicatorRow>,
  significant: Significant[],
  year: number,
  locale: Locale = 'en',
) {
  const reclassifications: ReclassificationNotice[] = [];
  const dropped = new Set<string>();
  const key = (indicator: string, geo: string) => `${indicator}|${geo}`;
  for (const s of significant) {
    const parent = s.test.indicator.parent ? indicators.get(s.test.indicator.parent) : undefined;
    if (!parent || dropped.has(key(s.test.indicator.code, s.test.geo.code))) continue;
    const siblings = [...indicators.values()].filter(
      (i) => i.parent === parent.code && i.code !== s.test.indicator.code,
    );
    for (const sibling of siblings) {
      const notice = reclassificationOf(cells, s.test, sibling, parent, year, locale);
      if (!notice) continue;
      reclassifications.push(notice);
      for (const code of [s.test.indicator.code, sibling.code, parent.code]) dropped.add(key(code, s.test.geo.code));
      break;
    }
  }
  const remaining = significant.filter((s) => !dropped.has(key(s.test.indicator.code, s.test.geo.code)));
  const byKey = new Map(remaining.map((s) => [key(s.test.indicator.code, s.test.geo.code), s]));
  for (const child of remaining) {
    if (dropped.has(key(child.test.indicator.code, child.test.geo.code))) continue;
    const parentCode = child.test.indicator.parent;
    const parent = parentCode ? byKey.get(key(parentCode, child.test.geo.code)) : undefined;
    if (!parent || Math.sign(parent.test.prediction.z) !== Math.sign(child.test.prediction.z)) continue;
    const childChange = child.test.current.count! - child.test.prior.count!;
    const parentChange = parent.test.current.count! - parent.test.prior.count!;
    const [kept, other] = Math.abs(childChange) >= 0.5 * Math.abs(parentChange) ? [child, parent] : [parent, child];
    kept.linked.push({
      indicator: other.test.indicator.code,
      relation: other === parent ? 'parent' : 'child',
      p: other.test.prediction.p,
    });
    dropped.add(key(other.test.indicator.code, other.test.geo.code));
  }
  return {
    kept: remaining.filter((s) => !dropped.has(key(s.test.indicator.code, s.test.geo.code))),
    reclassifications,
  };
}
