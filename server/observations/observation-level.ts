import { withPublishedRates } from '../analytics/published-rate';
import type { DbOrTx } from '../db/database';
import type { Observation } from '../shared/api/observations';

/**
 * The geos of a level: 0 for the countries and aggregates, 1–3 for the NUTS regions of that level
 * (issue 19), narrowed to `geos` when the query names some.
 */
export async function geosAtLevel(db: DbOrTx, level: number, geos: string[] | undefined): Promise<string[]> {
  const rows = await (level === 0
    ? db.selectFrom('geos').select('code').where('kind', '!=', 'region')
    : db.selectFrom('geos').select('code').where('kind', '=', 'region').where('nuts_level', '=', level)
  ).execute();
  const named = geos?.length ? new Set(geos) : null;
  return rows.map((r) => r.code).filter((code) => !named || named.has(code));
}

/** Region rates without a population take the source's published rate (see withPublishedRates), per indicator. */
export async function withRegionRates(db: DbOrTx, observations: Observation[]): Promise<Observation[]> {
  const byIndicator = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byIndicator.get(o.indicator) ?? [];
    list.push(o);
    byIndicator.set(o.indicator, list);
  }
  const replaced = new Map<Observation, Observation>();
  for (const [indicator, list] of byIndicator) {
    const figures = list.map((o) => ({ geo: o.geo, period: o.period, measured: o, observation: o }));
    for (const f of await withPublishedRates(db, indicator, figures)) {
      if (f.measured !== f.observation) replaced.set(f.observation, { ...f.observation, ...f.measured });
    }
  }
  return replaced.size ? observations.map((o) => replaced.get(o) ?? o) : observations;
}
