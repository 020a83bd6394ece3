import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import type { Db } from '../db/database';
import { syncEmpactCatalogue } from '../empact/empact.catalogue';
import { loadGeoCatalogue } from '../geos/geo.catalogue';
import { insertGeoCatalogue, insertMissingRegions } from '../geos/geo.repository';
import { loadRegionCatalogue } from '../geos/region.catalogue';
import { insertPublishedRates } from '../geos/published-rate.repository';
import { loadIndicatorCatalogue } from '../indicators/indicator.catalogue';
import { insertIndicatorCatalogue } from '../indicators/indicator.repository';
import { recordEvaluatedPractices } from '../practices/evaluated-practices';
import { loadPracticeSeed } from '../practices/practice.seed';
import { commitSubmission } from '../submissions/publish/commit';
import { previewSubmission } from '../submissions/pipeline';
import { fileSource } from '../submissions/read/source';

const SeedManifest = z.object({
  files: z.array(z.object({ file: z.string(), geo: z.string(), cells: z.number().int() })),
  /** Rates a source published (Eurostat's regional per-100k rates): geo,indicator,period,value. */
  publishedRates: z
    .array(z.object({ file: z.string(), source: z.string(), rates: z.number().int() }))
    .optional()
    .default([]),
});

const PublishedRateRow = z.object({
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  value: z.coerce.number().refine(Number.isFinite),
});

async function loadPublishedRates(db: Db, seedDir: string, entry: { file: string; source: string }) {
  const [header, ...lines] = readFileSync(path.join(seedDir, entry.file), 'utf8').trim().split('\n');
  if (header !== 'geo,indicator,period,value') throw new Error(`Seed file ${entry.file}: unexpected header ${header}`);
  const rates = lines.map((line) => {
    const [geo, indicator, period, value] = line.split(',');
    return PublishedRateRow.parse({ geo, indicator, period, value });
  });
  const recordedAt = new Date().toISOString();
  await db.transaction().execute((tx) => insertPublishedRates(tx, rates, entry.source, recordedAt));
}

export const SEED_SUBMITTER = 'seed';

export interface SeedSummary {
  submissions: number;
  revisions: number;
}

/** Loads the catalogues, then each seed file as an ordinary submission: preview, then commit. */
export async function loadSeed(db: Db, seedDir = path.join(DATA_DIR, 'seed')): Promise<SeedSummary> {
  await db.transaction().execute(async (tx) => {
    await insertGeoCatalogue(tx, loadGeoCatalogue().geos);
    await insertMissingRegions(tx, loadRegionCatalogue());
    await insertIndicatorCatalogue(tx, loadIndicatorCatalogue());
    await syncEmpactCatalogue(tx);
  });
  const manifest = SeedManifest.parse(JSON.parse(readFileSync(path.join(seedDir, 'manifest.json'), 'utf8')));
  let revisions = 0;
  for (const entry of manifest.files) {
    const source = await fileSource(path.join(seedDir, entry.file), entry.file);
    const preview = await previewSubmission(db, { geo: entry.geo, submittedBy: SEED_SUBMITTER, source });
    if (preview.status !== 'validated') {
      const first = preview.report.entries[0];
      throw new Error(
        `Seed file ${entry.file} did not validate: ${first?.code} at row ${first?.row}: ${first?.message}`,
      );
    }
    revisions += (await commitSubmission(db, preview.submissionId)).revisionsAdded;
  }
  for (const entry of manifest.publishedRates) await loadPublishedRates(db, seedDir, entry);
  await loadPracticeSeed(db);
  revisions += await recordEvaluatedPractices(db);
  return { submissions: manifest.files.length, revisions };
}
