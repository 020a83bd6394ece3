import { z } from 'zod';
import { NATIONAL_SOURCE } from '../shared/api/sources';
import { assertKnownSource } from '../sources/source.query';
import { actorName } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest, conflict, HttpError, notFound } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import { singleCode } from '../http/query';
import { defineRoute, type RouteContext, RouteResponse } from '../http/route';
import { SubmissionsAnswerSchema } from '../shared/api/submissions';
import { SubmissionStateError } from './publish/commit';
import { diffSubmission } from './check/diff';
import { parseStoredReport, previewSubmission, ProfileNotForGeoError, UnknownProfileError } from './pipeline';
import { findSubmission, listSubmissions } from './store/submission.repository';
import { SUBMISSION_STATUSES } from '../db/tables/submission.table';
import { submissionTemplate } from './template';
import { withdrawSubmission } from './publish/withdraw';
import { fileSource } from './read/source';
import { localiseReport } from './read/report';
import { localiseReading } from './read/read-plan';
import type { ReceivedUpload } from '../http/upload';
import { uploadFolder } from '../http/upload-folder';
import type { CellGuardFactory } from './stage/cell-guard';

export const CONTACTS = ['contact_point', 'secretariat'] as const;

/**
 * The source an upload delivers: by default the contact point's own figures. Another source (a new
 * edition of a Eurostat dataset, say) is the secretariat's to load, never a contact point's, so that
 * a country's file cannot pass for Eurostat's; it must be one data/sources.json lists.
 */
async function uploadedDataSource(
  ctx: RouteContext<z.infer<typeof UploadQuery>, unknown, unknown>,
): Promise<{ code: string; edition: string | null }> {
  const code = uploadField(ctx, 'source') || NATIONAL_SOURCE;
  const edition = uploadField(ctx, 'edition')?.slice(0, 200) || null;
  if (code === NATIONAL_SOURCE) return { code, edition };
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'secretariat')
    throw new HttpError(403, 'source-not-yours', { key: 'sources.upload-not-yours', params: { source: code } });
  await assertKnownSource(ctx.db, code);
  return { code, edition };
}

/** The received file as a source the pipeline can read more than once. */
async function uploadedSource(upload: ReceivedUpload) {
  return { ...(await fileSource(upload.file.path, upload.file.fileName)), byteSize: upload.file.byteSize };
}

const UploadQuery = z.object({
  geo: singleCode.optional(),
  profile: z.string().max(64).optional(),
  source: z.string().max(64).optional().describe('The source the file delivers (default: national, the contact point)'),
  edition: z.string().max(200).optional().describe('The source\'s edition or version, e.g. "2025 edition"'),
});
export const IdParams = z.object({ id: z.coerce.number().int().positive() });

function uploadField(
  ctx: RouteContext<z.infer<typeof UploadQuery>, unknown, unknown>,
  name: 'geo' | 'profile' | 'source' | 'edition',
): string | undefined {
  return ctx.query[name] ?? ctx.upload?.fields[name]?.trim() ?? undefined;
}

/** The stored geo of the submission a request names (the scope for commit, withdraw and reading). */
export async function geoOfSubmission(db: DbOrTx, id: number): Promise<string[]> {
  const submission = await findSubmission(db, id);
  if (!submission) throw notFound({ key: 'submissions.missing', params: { id: String(id) } });
  return [submission.geo];
}

export function stateError(error: unknown): never {
  if (error instanceof SubmissionStateError) {
    if (error.status === 'missing') throw notFound(error.text);
    throw conflict(error.text, { status: error.status });
  }
  throw error;
}

/** `guard` checks the cells a valid upload would change, before anything is kept (the rounds' locks: a 409). */
export const submissionRoutes = (guard: CellGuardFactory) => [
  defineRoute({
    method: 'get',
    path: '/api/submissions/template',
    tag: 'submissions',
    summary:
      'The CSV template for a geo: every core indicator with name, unit and definition, its published values, and an empty row for the next expected year',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => [ctx.query.geo] },
    query: z.object({ geo: singleCode }),
    handler: async ({ db, query }) => {
      await assertKnownCodes(db, 'geo', [query.geo]);
      return new RouteResponse(await submissionTemplate(db, query.geo), {
        contentType: 'text/csv; charset=utf-8',
        fileName: `observatory-template-${query.geo}.csv`,
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions',
    tag: 'submissions',
    summary:
      'Upload a file (multipart or raw body) for a geo, optionally with an import profile: validates, stages and diffs it (dry run)',
    access: {
      kind: 'geo-scoped',
      roles: [...CONTACTS],
      geos: (ctx) => {
        const geo = uploadField(ctx, 'geo');
        if (!geo) throw badRequest({ key: 'submissions.geo-missing' });
        return [geo];
      },
    },
    query: UploadQuery,
    upload: { maxBytes: (config) => config.SUBMISSION_MAX_BYTES },
    handler: async (ctx) => {
      const geo = uploadField(ctx, 'geo')!;
      await assertKnownCodes(ctx.db, 'geo', [geo]);
      const profile = uploadField(ctx, 'profile') || null;
      const dataSource = await uploadedDataSource(ctx);
      const check = guard();
      try {
        const preview = await previewSubmission(
          ctx.db,
          {
            geo,
            profile,
            submittedBy: actorName(ctx.actor),
            source: await uploadedSource(ctx.upload!),
            stagingFolder: uploadFolder(ctx.config.UPLOAD_DIR),
            dataSource,
          },
          new Date(),
          check,
        );
        const rounds = preview.status === 'validated' && !preview.duplicateOf ? check.coverage : undefined;
        const answer = {
          ...preview,
          reading: localiseReading(preview.reading, ctx.locale),
          report: localiseReport(preview.report, ctx.locale),
        };
        return new RouteResponse(rounds ? { ...answer, rounds } : answer, {
          status: preview.duplicateOf ? 200 : 201,
        });
      } catch (error) {
        if (error instanceof UnknownProfileError) throw new HttpError(400, 'unknown-profile', error.text);
        if (error instanceof ProfileNotForGeoError) throw new HttpError(403, 'profile-not-yours', error.text);
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/submissions',
    tag: 'submissions',
    summary: "A geo's submissions, newest first (at most 100), optionally of one status",
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => [ctx.query.geo] },
    query: z.object({ geo: singleCode, status: z.enum(SUBMISSION_STATUSES).optional() }),
    response: SubmissionsAnswerSchema,
    handler: async ({ db, query }) => {
      await assertKnownCodes(db, 'geo', [query.geo]);
      const rows = await listSubmissions(db, query.geo, query.status);
      return {
        data: rows.map((s) => ({
          submissionId: s.id,
          status: s.status,
          submittedBy: s.submitted_by,
          submittedAt: s.submitted_at,
          committedAt: s.committed_at,
          withdrawnAt: s.withdrawn_at,
          fileName: s.file_name,
          profile: s.profile,
          format: s.format,
          rowsRead: s.rows_read,
          cellsValid: s.cells_valid,
          errorCount: s.error_count,
          warningCount: s.warning_count,
        })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/submissions/:id',
    tag: 'submissions',
    summary: 'A submission: status, validation report, how the file was read, and its diff against current data',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => geoOfSubmission(ctx.db, ctx.params.id) },
    params: IdParams,
    handler: async ({ db, params, locale }) => {
      const s = (await findSubmission(db, params.id))!;
      const stored = parseStoredReport(s.report);
      const diff = s.status === 'validated' ? await diffSubmission(db, s.id) : stored.diff;
      return {
        submissionId: s.id,
        geo: s.geo,
        status: s.status,
        submittedBy: s.submitted_by,
        submittedAt: s.submitted_at,
        committedAt: s.committed_at,
        withdrawnAt: s.withdrawn_at,
        fileName: s.file_name,
        sha256: s.sha256,
        byteSize: s.byte_size,
        rowsRead: s.rows_read,
        cellsValid: s.cells_valid,
        reading: localiseReading(stored.reading, locale),
        report: localiseReport(stored.report, locale),
        diff,
        confirmation: s.status === 'validated' ? (stored.confirmation ?? null) : null,
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/withdraw',
    tag: 'submissions',
    summary: 'Withdraw a validated submission instead of committing it',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => geoOfSubmission(ctx.db, ctx.params.id) },
    params: IdParams,
    handler: ({ db, params }) => withdrawSubmission(db, params.id).catch(stateError),
  }),
];
