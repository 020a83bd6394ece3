import type { NamedGeo } from '../../../correspondences/geo-names';
import type { ProblemSink } from '../../problems/problem-sink';
import type { GeoMatch } from './geo-name-matcher';

type Unplaced = Exclude<GeoMatch, { kind: 'geo' }>;

function described(geo: NamedGeo): string {
  return `${geo.code} "${geo.name}" (${geo.level === 0 ? 'country' : `NUTS ${geo.level}`})`;
}

/**
 * Every national name a file uses that could not be placed, with its first row and how many rows use it:
 * reported as one error per name once the file is read, so a long file names each problem once.
 */
export class UnplacedNames {
  private readonly names = new Map<string, { first: number; rows: number; match: Unplaced }>();

  add(name: string, row: number, match: Unplaced): void {
    const seen = this.names.get(name);
    if (seen) seen.rows++;
    else this.names.set(name, { first: row, rows: 1, match });
  }

  report(report: Pick<ProblemSink, 'error'>, column: string): void {
    for (const [name, { first, rows, match }] of this.names) {
      const common = { name, rows, first, column };
      if (match.kind === 'none') {
        report.error(first, column, name, 'unknown-geo-name', { key: 'national.geo.no-match', params: common });
      } else if (match.kind === 'ambiguous') {
        const [a, b, ...rest] = match.geos.map(described);
        report.error(first, column, name, 'ambiguous-geo-name', {
          key: 'national.geo.ambiguous',
          params: { ...common, a: a!, b: b!, more: rest.length },
        });
      } else {
        report.error(first, column, name, 'correspondence-other-country', {
          key: 'national.geo.other-country',
          params: { ...common, geo: match.geo.code, geoName: match.geo.name, other: match.geo.country ?? '?' },
        });
      }
    }
  }
}
