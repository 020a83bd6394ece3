/**
 * npm run ingest -- FILE --geo DE [--profile NAME] [--dry-run] [--confirm-changes]
 * Runs a file through the same pipeline as the API (sniff, parse, validate, diff) and commits it
 * unless --dry-run. Prints the report as a table and the diff counts; big files get a progress bar.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config/config';
import { openDatabase } from '../server/db/connect';
import { initialiseDatabase } from '../server/app/startup';
import { PROGRESS_FROM_BYTES, withProgress } from '../server/submissions/cli/progress';
import { previewSummary, reportTable } from '../server/submissions/cli/report-table';
import { commitSubmission } from '../server/submissions/publish/commit';
import { auditConfirmation } from '../server/submissions/publish/confirmation';
import { confirmKey } from '../server/shared/api/submissions';
import { SYSTEM_ACTOR } from '../server/http/actor';
import { previewSubmission, UnknownProfileError } from '../server/submissions/pipeline';
import { uploadFolder } from '../server/http/upload-folder';
import { fileSource } from '../server/submissions/read/source';

const USAGE =
  'usage: npm run ingest -- FILE --geo GEO [--profile NAME] [--dry-run] [--confirm-changes] [--database URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      geo: { type: 'string' },
      profile: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'confirm-changes': { type: 'boolean', default: false },
      database: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.geo) {
    console.error(USAGE);
    return 2;
  }
  const source = await fileSource(file).catch(() => null);
  if (!source) {
    console.error(`Cannot read ${file}. ${USAGE}`);
    return 2;
  }
  const { db, close } = await openDatabase(values.database ?? readConfig().DATABASE_URL);
  try {
    await initialiseDatabase(db);
    const known = await db.selectFrom('geos').select('code').where('code', '=', values.geo).executeTakeFirst();
    if (!known) {
      console.error(`Unknown geo "${values.geo}". Use a Eurostat code such as DE, EL or UK (see /api/geos).`);
      return 2;
    }
    const big = source.byteSize >= PROGRESS_FROM_BYTES;
    const progress = big ? withProgress(source, ['checking', 'reading']) : null;
    const preview = await previewSubmission(db, {
      geo: values.geo,
      profile: values.profile ?? null,
      submittedBy: `cli:${userInfo().username}`,
      source: progress?.source ?? source,
      // The server's upload folder, which each start of the server sweeps should this run be killed.
      stagingFolder: uploadFolder(readConfig().UPLOAD_DIR),
    });
    progress?.done();
    console.log(reportTable(preview.report.entries, preview.report.omitted));
    console.log('');
    console.log(previewSummary(preview));
    if (preview.status !== 'validated') return 1;
    if (values['dry-run']) {
      console.log(
        'dry run: nothing published. Commit with POST /api/submissions/%d/commit or run again without --dry-run.',
        preview.submissionId,
      );
      return 0;
    }
    // Changes beyond threshold against published data are committed only when confirmed, as over the API.
    const confirmation = preview.confirmation ?? null;
    if (confirmation && !values['confirm-changes']) {
      const cells = confirmation.cells.map(confirmKey).slice(0, 20).join(', ');
      console.error(
        `${confirmation.count} changes beyond threshold need a confirmation (${cells}). Check them, then run again ` +
          `with --confirm-changes, or commit with POST /api/submissions/${preview.submissionId}/commit and "confirm".`,
      );
      return 1;
    }
    const committed = await commitSubmission(db, preview.submissionId);
    if (confirmation) {
      const by = { ...SYSTEM_ACTOR, email: `cli:${userInfo().username}` };
      await auditConfirmation(db, { actor: by, ip: '', submissionId: preview.submissionId }, confirmation);
    }
    console.log(`committed: ${committed.revisionsAdded} new revisions at ${committed.committedAt}`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownProfileError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
