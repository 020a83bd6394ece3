import type { Db, DbOrTx } from '../db/database';
import type { PracticeRecord } from '../shared/api/practice-record';
import { commitSubmission } from '../submissions/publish/commit';
import { previewSubmission } from '../submissions/pipeline';
import { bufferSource } from '../submissions/read/source';
import { findVersion, parseRecord } from './practice.repository';

/** The indicator the observatory computes from its own practice catalogue. */
export const EVALUATED_PRACTICES = 'PREV_PROGRAMMES_EVALUATED';
/** Who submits the computed figures: the catalogue itself, never a person. */
export const PRACTICE_CATALOGUE_SUBMITTER = 'practice-catalogue';
/** The weakest design that counts as an outcome evaluation here: Maryland SMS 3, a comparison group. */
const MIN_SMS = 3;

function hasOutcomeEvaluation(record: Pick<PracticeRecord, 'evaluations'>): boolean {
  return record.evaluations.some((e) => e.design !== 'process_qualitative' && e.sms !== null && e.sms >= MIN_SMS);
}

/**
 * Per country, how many published practices run there (the country, or one of its parts such as UKC-L for the
 * UK) and have an outcome evaluation of SMS 3 or more. Countries that had a figure before and have none now
 * get 0, so that a figure never outlives the practices behind it.
 */
export async function countEvaluatedPractices(db: DbOrTx): Promise<Map<string, number>> {
  const geos = await db.selectFrom('geos').select(['code', 'kind', 'part_of']).where('kind', '=', 'country').execute();
  const countryOf = new Map<string, string[]>();
  for (const g of geos) countryOf.set(g.code, g.part_of ? [g.code, g.part_of] : [g.code]);
  const counts = new Map<string, number>();
  const earlier = await db
    .selectFrom('observations')
    .select('geo')
    .distinct()
    .where('indicator', '=', EVALUATED_PRACTICES)
    .execute();
  for (const { geo } of earlier) counts.set(geo, 0);
  const practices = await db
    .selectFrom('practices')
    .select(['id', 'published_version'])
    .where('published_version', 'is not', null)
    .execute();
  for (const practice of practices) {
    const version = await findVersion(db, practice.id, practice.published_version as number);
    if (!version) continue;
    const record = parseRecord(version);
    if (!hasOutcomeEvaluation(record)) continue;
    const countries = new Set(record.geos.flatMap((geo) => countryOf.get(geo) ?? []));
    for (const country of countries) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  return counts;
}

/**
 * Recomputes the indicator and submits each country's figure for this year through the ordinary pipeline
 * (report, diff, commit), so the figures have revisions and history like any other. A figure that did not
 * change is the same bytes as before and adds nothing. Call it after a practice is published.
 */
export async function recordEvaluatedPractices(db: Db, now = new Date()): Promise<number> {
  const counts = await countEvaluatedPractices(db);
  const year = String(now.getUTCFullYear());
  let revisions = 0;
  for (const [geo, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const csv =
      'geo,indicator,period,value,flags,note\n' +
      `${geo},${EVALUATED_PRACTICES},${year},${count},,Counted from the observatory's practice catalogue\n`;
    const source = bufferSource(`practice-catalogue-${geo}-${year}.csv`, Buffer.from(csv));
    const dataSource = { code: 'observatory', edition: 'practice catalogue' };
    const preview = await previewSubmission(
      db,
      { geo, submittedBy: PRACTICE_CATALOGUE_SUBMITTER, source, dataSource },
      now,
    );
    if (preview.status !== 'validated') {
      if (preview.duplicateOf !== null) continue;
      throw new Error(`${EVALUATED_PRACTICES} for ${geo} did not validate: ${preview.report.entries[0]?.message}`);
    }
    revisions += (await commitSubmission(db, preview.submissionId, now)).revisionsAdded;
  }
  return revisions;
}
