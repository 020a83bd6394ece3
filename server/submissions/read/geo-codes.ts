import { translate } from '../../i18n/translate';
import type { LocalisedText } from '../../shared/i18n';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import { readerText } from './reader-text';
import type { ReportBuilder } from './report';
import type { NamedGeo } from '../../correspondences/geo-names';
import { GeoNameMatcher } from './geo-match/geo-name-matcher';
import { UnplacedNames } from './geo-match/unplaced-names';

export interface ReadScope {
  submissionGeo: string;
  /** Geos the submission may hold (the geo, or a group and its members). */
  geos: Set<string>;
  /** Known geo codes, to tell an unknown code from another country's in multi-country files. */
  knownGeos: Set<string>;
  iso3: Map<string, string>;
  iso2: Map<string, string>;
  /** Countries and regions with their names, for profiles that read geos by name or through a correspondence. */
  namedGeos?: Map<string, NamedGeo>;
}

/** Unknown codes named in a warning each; the rest share one. */
const NAMED_ONE_BY_ONE = 10;

/** Codes that Eurostat and UNODC files carry for aggregates and estimates; their meaning is in the catalogue. */
const KNOWN_AGGREGATES = new Set(['EU_V', 'EU', 'EU27_2020', 'EU27_2007', 'EU28', 'EA', 'EA19', 'EA20', 'EEA', 'EFTA']);

/**
 * What an unknown geo code probably means, for a report that names it instead of dropping it. It is one
 * value inside another message, so it is written in English (a message cannot nest another).
 */
const english = (message: LocalisedText): string => translate('en', message);

export function geoCodeHint(code: string, codes: ProfileDefinition['geoCodes']): string {
  if (KNOWN_AGGREGATES.has(code)) {
    const meaning = english({ key: `readers.geo.aggregate.${code}` });
    return english({ key: 'readers.geo.hint.aggregate', params: { meaning } });
  }
  if (/^(EU|EA)/.test(code)) return english({ key: 'readers.geo.hint.eu-ea' });
  if (codes === 'iso3' && /^[A-Z]{3}$/.test(code)) return english({ key: 'readers.geo.hint.iso3' });
  if (/^[A-Z]{2}[0-9A-Z]{1,3}$/.test(code)) return english({ key: 'readers.geo.hint.nuts' });
  return english({ key: 'readers.geo.hint.unknown' });
}

/**
 * Turns a file's geo text into an observatory geo, as its profile says (Eurostat, ISO3 or ISO2 codes). In a
 * multi-country file (otherGeos: skip), rows of other geos are left out and counted; a code the observatory does
 * not know at all is left out too, but named in the report with what it probably means, once per code.
 */
export class GeoResolver {
  private readonly unknown = new Map<string, { firstRow: number; rows: number }>();
  /** Names and correspondences (issue 19); null when the profile reads plain codes. */
  private readonly names: GeoNameMatcher | null;
  private readonly unplaced = new UnplacedNames();

  constructor(
    private readonly profile: ProfileDefinition,
    private readonly scope: ReadScope,
  ) {
    const byName = profile.geoCodes === 'name';
    this.names =
      (byName || profile.correspondence) && scope.namedGeos
        ? new GeoNameMatcher(profile.correspondence, scope.namedGeos, scope.geos, byName)
        : null;
  }

  /**
   * The observatory geo; null when the row is for a geo the submission leaves out; undefined when the
   * row's name could not be placed (reported once the file is read: see UnplacedNames).
   */
  resolve(text: string, row: number): string | null | undefined {
    const { scope, profile } = this;
    if (this.names) {
      const found = this.names.match(text);
      if (found.kind === 'geo') return this.scoped(found.geo, text, row);
      if (found.kind !== 'none' || profile.geoCodes === 'name') {
        this.unplaced.add(text, row, found);
        return undefined;
      }
    }
    const code =
      profile.geoCodes === 'iso3' ? scope.iso3.get(text) : profile.geoCodes === 'iso2' ? scope.iso2.get(text) : text;
    return this.scoped(code, text, row);
  }

  private scoped(code: string | undefined, text: string, row: number): string | null {
    const { scope, profile } = this;
    if (profile.otherGeos !== 'skip') return code ?? text;
    if (code === undefined || !scope.knownGeos.has(code)) {
      const seen = this.unknown.get(text);
      if (seen) seen.rows++;
      else this.unknown.set(text, { firstRow: row, rows: 1 });
      return null;
    }
    return scope.geos.has(code) ? code : null;
  }

  /**
   * One warning per unknown code left out, with its meaning and how many rows (or cells) it had; past the
   * first few codes (a world-wide file has hundreds), one warning lists the rest.
   */
  reportUnknown(report: ReportBuilder, column: string, what: 'rows' | 'cells'): void {
    this.unplaced.report(report, column);
    const codes = [...this.unknown];
    for (const [code, { firstRow, rows }] of codes.slice(0, NAMED_ONE_BY_ONE)) {
      report.warning(
        firstRow,
        column,
        code,
        'unknown-geo-left-out',
        readerText({
          key: 'readers.geo.left-out',
          params: { code, hint: geoCodeHint(code, this.profile.geoCodes), count: rows, what, first: firstRow },
        }),
      );
    }
    const rest = codes.slice(NAMED_ONE_BY_ONE);
    if (rest.length === 0) return;
    const rows = rest.reduce((n, [, seen]) => n + seen.rows, 0);
    const listed = rest.slice(0, 40).map(([code]) => code);
    report.warning(
      rest[0]![1].firstRow,
      column,
      listed.join(' '),
      'unknown-geo-left-out',
      readerText({
        key: 'readers.geo.left-out-rest',
        params: {
          codes: rest.length,
          count: rows,
          what,
          listed: `${listed.join(', ')}${rest.length > listed.length ? ' …' : ''}`,
          iso3: this.profile.geoCodes === 'iso3' ? 'yes' : 'no',
        },
      }),
    );
  }

  get unknownCount(): number {
    let n = 0;
    for (const { rows } of this.unknown.values()) n += rows;
    return n;
  }
}
