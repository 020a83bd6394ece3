import type { DbOrTx } from '../db/database';
import { badRequest } from './errors';

/** Throws a 400 naming every code of `kind` that the observatory does not know. */
export async function assertKnownCodes(db: DbOrTx, kind: 'geo' | 'indicator', codes: string[]): Promise<void> {
  if (!codes.length) return;
  const table = kind === 'geo' ? 'geos' : 'indicators';
  const rows = await db.selectFrom(table).select('code').where('code', 'in', codes).execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    const list = unknown.map((c) => `"${c}"`).join(', ');
    throw badRequest(
      { key: 'http.unknown-codes', params: { kind, count: unknown.length, list, table } },
      { [kind]: unknown },
    );
  }
}
