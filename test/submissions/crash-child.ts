/**
 * Child process of crash.test.ts: previews and commits one large submission into DBFILE, saying
 * "committing" just before the commit starts. The test kills it with SIGKILL at random moments.
 */
import { openSqlite } from '../../server/db/connect';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { fileSource } from '../../server/submissions/read/source';

const [dbFile, csvFile, geo] = process.argv.slice(2);
const { db, close } = openSqlite(dbFile!);
const preview = await previewSubmission(db, {
  geo: geo!,
  submittedBy: 'crash-test',
  source: await fileSource(csvFile!),
});
if (preview.status !== 'validated') throw new Error(JSON.stringify(preview.report.entries.slice(0, 2)));
process.stdout.write(`committing ${preview.cellsValid}\n`);
await commitSubmission(db, preview.submissionId);
process.stdout.write('committed\n');
await close();
