import type { NamedGeo } from '../../../correspondences/geo-names';
import { nameKey, nameVariants } from '../../../correspondences/name-key';
import { findShippedCorrespondence } from '../../../correspondences/shipped';
import type { GeoCorrespondence } from '../../../shared/api/import-profiles';

/** What a national name or code stands for: one geo, none, several (never guessed between), or another country's. */
export type GeoMatch =
  | { kind: 'geo'; geo: string }
  | { kind: 'none' }
  | { kind: 'ambiguous'; geos: NamedGeo[] }
  | { kind: 'other-country'; geo: NamedGeo; via: 'correspondence' };

/**
 * Turns a file's national names or codes into observatory geos. The profile's own correspondence lines
 * come first, then the shipped correspondence it names; with `byName`, what neither lists is matched to
 * the names of the geos the submission may hold (its country and that country's regions, of one NUTS level
 * when the profile says so). Names compare as `nameKey` says: case, accents, hyphens and spacing aside.
 */
export class GeoNameMatcher {
  private readonly listed = new Map<string, string>();
  private readonly byKey = new Map<string, NamedGeo[]>();
  private readonly memo = new Map<string, GeoMatch>();

  constructor(
    correspondence: GeoCorrespondence | undefined,
    private readonly geos: Map<string, NamedGeo>,
    private readonly scope: Set<string>,
    byName: boolean,
  ) {
    const shipped = correspondence?.shipped ? findShippedCorrespondence(correspondence.shipped) : undefined;
    for (const entry of [...(correspondence?.entries ?? []), ...(shipped?.entries ?? [])]) {
      const key = nameKey(entry.name);
      if (!this.listed.has(key)) this.listed.set(key, entry.geo);
    }
    if (!byName) return;
    const level = correspondence?.level ?? null;
    for (const geo of geos.values()) {
      if (!this.mayHold(geo) || (level !== null && geo.level !== level)) continue;
      for (const key of nameVariants(geo.name)) {
        const found = this.byKey.get(key);
        if (!found) this.byKey.set(key, [geo]);
        else if (!found.includes(geo)) found.push(geo);
      }
    }
  }

  /** The country itself, or a geo whose country the submission covers. */
  private mayHold(geo: NamedGeo): boolean {
    return this.scope.has(geo.code) || (geo.country !== null && this.scope.has(geo.country));
  }

  match(text: string): GeoMatch {
    const key = nameKey(text);
    let found = this.memo.get(key);
    if (!found) {
      found = this.lookUp(key);
      this.memo.set(key, found);
    }
    return found;
  }

  private lookUp(key: string): GeoMatch {
    const listed = this.listed.get(key);
    if (listed !== undefined) {
      const geo = this.geos.get(listed);
      if (geo && !this.mayHold(geo)) return { kind: 'other-country', geo, via: 'correspondence' };
      // An unknown target is left to validation, which names it (unknown-geo) at the row.
      return { kind: 'geo', geo: listed };
    }
    const candidates = this.byKey.get(key) ?? [];
    if (candidates.length === 1) return { kind: 'geo', geo: candidates[0]!.code };
    if (candidates.length > 1) return { kind: 'ambiguous', geos: candidates };
    return { kind: 'none' };
  }
}
