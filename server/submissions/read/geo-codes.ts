import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { ReportBuilder } from './report';

/** Codes that Eurostat and UNODC files carry for aggregates and estimates, and what they stand for. */
const KNOWN_AGGREGATES: Record<string, string> = {
  EU_V: "Eurostat's estimate for the European Union as a whole (flag e), computed from the survey's national results",
  EU: 'the European Union in its composition of the time',
  EU27_2020: 'the European Union of 27 members (from 2020)',
  EU27_2007: 'the European Union of 27 members (2007–2013)',
  EU28: 'the European Union of 28 members (2013–2020)',
  EA: 'the euro area in its composition of the time',
  EA19: 'the euro area of 19 members',
  EA20: 'the euro area of 20 members (from 2023)',
  EEA: 'the European Economic Area',
  EFTA: 'the European Free Trade Association',
};

export interface ReadScope {
  submissionGeo: string;
  /** Geos the submission may hold (the geo, or a group and its members). */
  geos: Set<string>;
  /** Known geo codes, to tell an unknown code from another country's in multi-country files. */
  knownGeos: Set<string>;
  iso3: Map<string, string>;
  iso2: Map<string, string>;
}

/** Unknown codes named in a warning each; the rest share one. */
const NAMED_ONE_BY_ONE = 10;

/** What an unknown geo code probably means, for a report that names it instead of dropping it. */
export function geoCodeHint(code: string, codes: ProfileDefinition['geoCodes']): string {
  const known = KNOWN_AGGREGATES[code];
  if (known) return `probably ${known}: an aggregate, not a country`;
  if (/^(EU|EA)/.test(code)) return 'probably a European Union or euro area aggregate, not a country';
  if (codes === 'iso3' && /^[A-Z]{3}$/.test(code))
    return 'an ISO 3166 alpha-3 country code of a country outside the observatory (see /api/geos)';
  if (/^[A-Z]{2}[0-9A-Z]{1,3}$/.test(code)) return 'probably a NUTS region code, not a country';
  return 'a code the observatory does not know (see /api/geos for its geos)';
}

/**
 * Turns a file's geo text into an observatory geo, as its profile says (Eurostat, ISO3 or ISO2 codes). In a
 * multi-country file (otherGeos: skip), rows of other geos are left out and counted; a code the observatory does
 * not know at all is left out too, but named in the report with what it probably means, once per code.
 */
export class GeoResolver {
  private readonly unknown = new Map<string, { firstRow: number; rows: number }>();

  constructor(
    private readonly profile: ProfileDefinition,
    private readonly scope: ReadScope,
  ) {}

  /** The observatory geo, or null when the row is for a geo the submission leaves out. */
  resolve(text: string, row: number): string | null {
    const { scope, profile } = this;
    const code =
      profile.geoCodes === 'iso3' ? scope.iso3.get(text) : profile.geoCodes === 'iso2' ? scope.iso2.get(text) : text;
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
    const codes = [...this.unknown];
    for (const [code, { firstRow, rows }] of codes.slice(0, NAMED_ONE_BY_ONE)) {
      report.warning(
        firstRow,
        column,
        code,
        'unknown-geo-left-out',
        `"${code}" is not a geo of the observatory: ${geoCodeHint(code, this.profile.geoCodes)}. ` +
          `${rows === 1 ? `Its one ${what.slice(0, -1)} (${what === 'rows' ? 'row' : 'cell'} ${firstRow}) was` : `Its ${rows} ${what} (the first at ${what === 'rows' ? 'row' : 'cell'} ${firstRow}) were`} left out. ` +
          'Nothing else changes; ask the secretariat if this geo should be added.',
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
      `${rest.length} further codes that are not geos of the observatory were left out (${rows} ${what}): ` +
        `${listed.join(', ')}${rest.length > listed.length ? ' …' : ''}. ` +
        (this.profile.geoCodes === 'iso3'
          ? 'They are countries outside the observatory or regional aggregates.'
          : 'They are aggregates, regions or countries outside the observatory.'),
    );
  }

  get unknownCount(): number {
    let n = 0;
    for (const { rows } of this.unknown.values()) n += rows;
    return n;
  }
}
