import { isPreferredVersion } from '../cells/preferred';
import type { DbOrTx } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import type { EmpactAction, EmpactKpi, EmpactPriority, EmpactResult } from '../shared/api/empact';
import { listPriorities, listResults } from './cycle.repository';
import type { FactsheetQuery } from './empact.schema';
import { empactDb } from './empact.table';
import { LIVE, loadPlans, todayIso, visibleTree } from './plan.tree';

/** Factsheets are for handing round: they show public records only, whoever asks. */
const PUBLIC_SCOPE = { secretariat: false, priorities: new Set<number>() };

export interface FactsheetKpi extends EmpactKpi {
  priorityName: string;
  actionNumber: string | null;
}

export interface FactsheetIndicator {
  code: string;
  name: string;
  priorities: string[];
  /** The geo's latest value, or for the whole cycle the latest year and how many countries report it. */
  period: string | null;
  value: number | null;
  flags: string;
  countries: number | null;
}

export interface Factsheet {
  cycle: { code: string; title: string; source: string };
  priority: EmpactPriority | null;
  year: number | null;
  geo: { code: string; name: string } | null;
  /** The date the KPI statuses describe: the end of the year asked for, or today. */
  asOf: string;
  results: EmpactResult[];
  actions: (EmpactAction & { priorityName: string })[];
  kpis: FactsheetKpi[];
  practices: { slug: string; title: string; rating: string }[];
  indicators: FactsheetIndicator[];
}

async function scopeOf(db: DbOrTx, query: FactsheetQuery) {
  const cycle = await empactDb(db)
    .selectFrom('empact_cycles')
    .selectAll()
    .where('code', '=', query.cycle)
    .executeTakeFirst();
  if (!cycle) throw notFound({ key: 'empact.no-cycle', params: { cycle: query.cycle } });
  const priorities = await listPriorities(db, { cycle: query.cycle });
  const priority = query.priority === undefined ? null : (priorities.find((p) => p.id === query.priority) ?? null);
  if (query.priority !== undefined && !priority)
    throw badRequest({
      key: 'empact.no-priority-in-cycle',
      params: { cycle: query.cycle, priority: String(query.priority) },
    });
  const geo = query.geo
    ? await db.selectFrom('geos').select(['code', 'name']).where('code', '=', query.geo).executeTakeFirst()
    : null;
  if (query.geo && !geo) throw badRequest({ key: 'empact.query-no-geo', params: { geo: query.geo } });
  return { cycle, priorities: priority ? [priority] : priorities, priority, geo: geo ?? null };
}

const involves = (action: EmpactAction, geo: string | undefined) =>
  !geo || action.leader === geo || action.participants.includes(geo);
const activeIn = (action: EmpactAction, year: number | undefined) =>
  !year || (action.startDate <= `${year}-12-31` && action.endDate >= `${year}-01-01`);

/** Everything a factsheet prints, for a cycle and optionally one priority, one year and one country. */
export async function buildFactsheet(db: DbOrTx, query: FactsheetQuery): Promise<Factsheet> {
  const { cycle, priorities, priority, geo } = await scopeOf(db, query);
  const asOf = query.year ? `${query.year}-12-31` : LIVE;
  const names = new Map(priorities.map((p) => [p.id, p.name]));
  const oaps = visibleTree(
    await loadPlans(
      db,
      priorities.map((p) => p.id),
      asOf,
    ),
    PUBLIC_SCOPE,
  ).filter((o) => !query.year || (o.firstYear <= query.year && o.lastYear >= query.year));
  const actions = oaps.flatMap((o) =>
    o.actions
      .filter((a) => involves(a, query.geo) && activeIn(a, query.year))
      .map((a) => ({ ...a, priorityName: names.get(o.priorityId) ?? '' })),
  );
  const kpis: FactsheetKpi[] = [
    ...oaps.flatMap((o) =>
      o.kpis
        .filter((k) => !query.geo || k.indicatorGeo === query.geo)
        .map((k) => ({ ...k, priorityName: names.get(o.priorityId) ?? '', actionNumber: null })),
    ),
    ...actions.flatMap((a) => a.kpis.map((k) => ({ ...k, priorityName: a.priorityName, actionNumber: a.number }))),
  ];
  const results = (await listResults(db, cycle.code)).filter(
    (r) => (!query.year || r.year === query.year) && !priority && !query.geo,
  );
  return {
    cycle: { code: cycle.code, title: cycle.title, source: cycle.source },
    priority,
    year: query.year ?? null,
    geo,
    asOf: query.year ? asOf : todayIso(),
    results,
    actions,
    kpis,
    practices: await linkedPractices(db, cycle.code, priorities, actions, query.geo),
    indicators: await priorityIndicators(db, priorities, query),
  };
}

/** Published practices tagged with the priorities (or CHSG 7 and 9 of the cycle), or used or produced by the actions shown. */
async function linkedPractices(
  db: DbOrTx,
  cycle: string,
  priorities: EmpactPriority[],
  actions: EmpactAction[],
  geo?: string,
) {
  const tags = priorities.map((p) => `${cycle}/${p.code}`);
  const slugs = actions.flatMap((a) => a.practices.map((p) => p.slug));
  let query = db
    .selectFrom('practice_listings')
    .select(['practice_listings.id', 'slug', 'title', 'rating'])
    .where('audience', '=', 'public')
    .where((eb) =>
      eb.or([
        eb('slug', 'in', slugs.length ? slugs : ['']),
        eb.exists(
          eb
            .selectFrom('practice_listing_facets')
            .select('listing_id')
            .whereRef('listing_id', '=', 'practice_listings.id')
            .where('facet', '=', 'empact')
            .where('value', 'in', tags),
        ),
      ]),
    );
  if (geo) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('practice_listing_facets as g')
          .select('g.listing_id')
          .whereRef('g.listing_id', '=', 'practice_listings.id')
          .where('g.facet', '=', 'geo')
          .where('g.value', '=', geo),
      ),
    );
  }
  const rows = await query.orderBy('title').execute();
  return rows.map((r) => ({ slug: r.slug, title: r.title, rating: r.rating }));
}

async function priorityIndicators(
  db: DbOrTx,
  priorities: EmpactPriority[],
  query: FactsheetQuery,
): Promise<FactsheetIndicator[]> {
  const byCode = new Map<string, string[]>();
  for (const p of priorities) for (const code of p.indicators) byCode.set(code, [...(byCode.get(code) ?? []), p.name]);
  if (!byCode.size) return [];
  const catalogue = await db
    .selectFrom('indicators')
    .select(['code', 'name'])
    .where('code', 'in', [...byCode.keys()])
    .orderBy('code')
    .execute();
  const lastPeriod = query.year ? String(query.year) : '9999';
  return Promise.all(
    catalogue.map(async (indicator) => {
      const base = { code: indicator.code, name: indicator.name, priorities: byCode.get(indicator.code) ?? [] };
      if (query.geo) {
        const latest = await db
          .selectFrom('observations')
          .select(['period', 'value', 'flags'])
          .where('indicator', '=', indicator.code)
          .where('geo', '=', query.geo)
          .where(isPreferredVersion('observations'))
          .where('period', '<=', lastPeriod)
          .where('value', 'is not', null)
          .orderBy('period', 'desc')
          .limit(1)
          .executeTakeFirst();
        return {
          ...base,
          period: latest?.period ?? null,
          value: latest ? Number(latest.value) : null,
          flags: latest?.flags ?? '',
          countries: null,
        };
      }
      const latest = await db
        .selectFrom('observations')
        .innerJoin('geos', 'geos.code', 'observations.geo')
        .select(['period', (eb) => eb.fn.countAll<number>().as('countries')])
        .where('indicator', '=', indicator.code)
        .where('geos.kind', '=', 'country')
        .where(isPreferredVersion('observations'))
        .where('period', '<=', lastPeriod)
        .where('value', 'is not', null)
        .groupBy('period')
        .orderBy('period', 'desc')
        .limit(1)
        .executeTakeFirst();
      return {
        ...base,
        period: latest?.period ?? null,
        value: null,
        flags: '',
        countries: latest ? Number(latest.countries) : null,
      };
    }),
  );
}
