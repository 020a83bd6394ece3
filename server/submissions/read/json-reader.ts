import { untranslated } from './reader-text';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { Cell } from './cell';
import { type CellReadJob, type CellReadState, ValidCells } from './cell-reader';
import { decodedText } from './encoding';
import { takeCubeCells, cubeRoles } from './jsonstat-cells';
import { decodeJsonStatText, type JsonStatDataset, type JsonStatProblem } from './jsonstat/decode';
import type { ProblemCode, ReportBuilder } from './report';
import { readerText } from './reader-text';
import { namedByUploader } from './read-plan';
import type { LocalisedText } from '../../shared/i18n';
import type { SubmissionSource } from './source';

/**
 * The largest JSON read. JSON must be parsed whole (a cell's coordinates depend on `id` and `size`, which may
 * come after `value`), so it is held in memory: 16 MB of JSON-stat is about a million cells, several times
 * Eurostat's largest national answer, at roughly ten times its size in memory while it is read.
 */
export const JSON_MAX_BYTES = 16 * 1024 * 1024;

/** Reads a JSON-stat file into batches of validated cells, through the same validation as a table's rows. */
export async function* validatedJsonStatCells(
  source: SubmissionSource,
  job: CellReadJob,
  report: ReportBuilder,
  state: CellReadState,
): AsyncGenerator<Cell[]> {
  state.format = 'jsonstat';
  if (source.byteSize > JSON_MAX_BYTES) {
    report.error(
      null,
      null,
      null,
      'file-too-large',
      readerText({
        key: 'readers.jsonstat.too-large',
        params: { size: megabytes(source.byteSize), limit: megabytes(JSON_MAX_BYTES) },
      }),
    );
    return;
  }
  let text = '';
  for await (const chunk of decodedText(source, job.sniffed)) text += chunk;
  const decoded = decodeJsonStatText(text);
  text = '';
  if (!decoded.ok) {
    for (const found of decoded.problems)
      report.error(null, found.path || null, null, reportCode(found), untranslated(found.message));
    report.countOmitted('jsonstat-values', 'error', decoded.omitted);
    return;
  }
  const dataset = decoded.dataset;
  const profile = cubeProfile(dataset, job, report);
  if (!profile) return;
  state.profile = profile.definition.name;
  state.profileReason = profile.reason;
  const roles = cubeRoles(dataset, profile.definition, report);
  if (!roles) return;
  const sink = new ValidCells(job.context, report);
  const read = { scope: job.context.read, report, skipped: state.skipped };
  for (const cells of takeCubeCells(dataset, profile.definition, roles, read, sink)) {
    state.rowsRead = cells;
    yield sink.batch();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function reportCode(found: JsonStatProblem): ProblemCode {
  if (/^(value|status)-/.test(found.code)) return 'jsonstat-values';
  if (['not-json', 'not-jsonstat', 'jsonstat-1x', 'unsupported-version', 'not-dataset'].includes(found.code))
    return 'not-jsonstat';
  return 'jsonstat-structure';
}

/** The profile the uploader named (it must read JSON-stat), else the shipped one for these dimensions. */
function cubeProfile(
  dataset: JsonStatDataset,
  job: CellReadJob,
  report: ReportBuilder,
): { definition: ProfileDefinition; reason: LocalisedText } | null {
  const ids = dataset.dimensions.map((d) => d.id).join(',');
  if (job.named) {
    if (job.named.shape === 'jsonstat') return { definition: job.named, reason: namedByUploader(job.named.name) };
    report.error(
      null,
      null,
      null,
      'profile-mismatch',
      readerText({
        key: 'readers.jsonstat.table-profile',
        params: { profile: job.named.name, shape: job.named.shape },
      }),
    );
    return null;
  }
  const shipped = job.profiles.filter((p) => p.shape === 'jsonstat' && p.keyDimensions?.join(',') === ids);
  if (shipped.length === 1) {
    const definition = shipped[0]!;
    return {
      definition,
      reason: readerText({
        key: 'readers.plan.reason.jsonstat',
        params: { dimensions: ids, profile: definition.name },
      }),
    };
  }
  report.error(
    null,
    'id',
    ids,
    'profile-mismatch',
    shipped.length > 1
      ? readerText({
          key: 'readers.jsonstat.profiles-share-dimensions',
          params: { dimensions: ids, profiles: shipped.map((p) => `"${p.name}"`).join(', ') },
        })
      : readerText({
          key: 'readers.jsonstat.no-profile',
          params: { label: dataset.label ?? 'no label', dimensions: ids },
        }),
  );
  return null;
}
