import type { SourcesAnswer } from '../../server/shared/api/sources';
import { getJson } from '../api/client';

/**
 * Sources by code as a source line names them ("Eurostat, crim_gen_reg: Police-recorded offences by
 * NUTS 3 region"), from GET /api/sources; an unknown code is shown as it is. Null when there is none.
 */
export async function sourceNames(codes: (string | null | undefined)[]): Promise<string | null> {
  const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))].sort();
  if (!wanted.length) return null;
  const { sources } = await getJson<SourcesAnswer>('/api/sources').catch(() => ({ sources: [] }));
  const byCode = new Map(sources.map((s) => [s.code, s]));
  return wanted
    .map((code) => {
      const source = byCode.get(code);
      return source ? `${source.publisher}, ${source.dataset}: ${source.title}` : code;
    })
    .join('; ');
}
