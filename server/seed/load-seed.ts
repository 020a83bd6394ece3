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
import { syncSourceCatalogue } from '../sources/source.catalogue';

const SeedManifest = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      geo: z.string(),
      cells: z.number().int(),
      /** The source the file delivers (data/sources.json); a later file from the same source revises its cells. */
      source: z.string(),
      /** The source's edition or version, e.g. "2025 edition, updated 2025-04-23". */
      edition: z.string().nullable().default(null),
    }),
  ),
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

/**
 * Loads the catalogues, then each seed file as an ordinary submission of its source: preview, then
 * commit, in manifest order. Each commit is recorded strictly after the one before, so that asOf
 * between two deliveries (e.g. the 2022 and 2025 editions of crim_off_cat) tells them apart.
 */
export async function loadSeed(db: Db, seedDir = path.join(DATA_DIR, 'seed')): Promise<SeedSummary> {
  await db.transaction().execute(async (tx) => {
    await insertGeoCatalogue(tx, loadGeoCatalogue().geos);
    await insertMissingRegions(tx, loadRegionCatalogue());
    await insertIndicatorCatalogue(tx, loadIndicatorCatalogue());
    await syncEmpactCatalogue(tx);
  });
  await syncSourceCatalogue(db);
  const manifest = readSeedManifest(seedDir);
  const loaded = await loadSeedFiles(db, seedDir, manifest.files);
  for (const entry of manifest.publishedRates) await loadPublishedRates(db, seedDir, entry);
  await loadPracticeSeed(db);
  return { submissions: loaded.submissions, revisions: loaded.revisions + (await recordEvaluatedPractices(db)) };
}

export type SeedManifest = z.infer<typeof SeedManifest>;
export type SeedEntry = SeedManifest['files'][number];

export function readSeedManifest(seedDir = path.join(DATA_DIR, 'seed')): SeedManifest {
  return SeedManifest.parse(JSON.parse(readFileSync(path.join(seedDir, 'manifest.json'), 'utf8')));
}

/**
 * Previews and commits seed files in order, each as a submission of its source; answers the submissions
 * stored (a file repeating an earlier one byte for byte stores none) and the revisions added.
 */
export async function loadSeedFiles(db: Db, seedDir: string, entries: SeedEntry[]): Promise<SeedSummary> {
  let revisions = 0;
  let submissions = 0;
  let last = 0;
  for (const entry of entries) {
    const source = await fileSource(path.join(seedDir, entry.file), entry.file);
    const dataSource = { code: entry.source, edition: entry.edition };
    const preview = await previewSubmission(db, { geo: entry.geo, submittedBy: SEED_SUBMITTER, source, dataSource });
    // A later edition that repeats an earlier file byte for byte (the UK's jurisdictions in 2025) adds nothing.
    if (preview.status === 'committed') continue;
    if (preview.status !== 'validated') {
      const first = preview.report.entries.find((e) => e.severity === 'error') ?? preview.report.entries[0];
      throw new Error(
        `Seed file ${entry.file} did not validate: ${first?.code} at row ${first?.row}: ${first?.message}`,
      );
    }
    last = Math.max(Date.now(), last + 1);
    revisions += (await commitSubmission(db, preview.submissionId, new Date(last))).revisionsAdded;
    submissions++;
  }
  return { submissions, revisions };
}
