import { sql } from 'kysely';
import { defineRoute } from '../http/route';
import { dataVersion } from '../cells/observation.repository';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/health',
    tag: 'health',
    summary: 'Liveness and database reachability',
    access: { kind: 'public' },
    handler: async ({ db }) => {
      await sql`select 1`.execute(db);
      return { status: 'ok', dataVersion: await dataVersion(db) };
    },
  }),
];
