import type { CompareResponse } from '../../../server/shared/api/analytics';
import type { SourcesAnswer } from '../../../server/shared/api/sources';
import { getJson } from '../../api/client';

/**
 * The source line of a regional ranking: the sources its figures come from (crim_gen_reg, a contact
 * point's own regional file), named as /api/sources names them, not the indicator's national source.
 */
export async function regionalSourceText(answer: CompareResponse): Promise<string | null> {
  const codes = [...new Set(answer.rows.map((r) => r.source).filter((s): s is string => s !== null))];
  if (!codes.length) return null;
  const { sources } = await getJson<SourcesAnswer>('/api/sources').catch(() => ({ sources: [] }));
  const byCode = new Map(sources.map((s) => [s.code, s]));
  return codes
    .sort()
    .map((code) => {
      const source = byCode.get(code);
      return source ? `${source.publisher}, ${source.dataset}: ${source.title}` : code;
    })
    .join('; ');
}
