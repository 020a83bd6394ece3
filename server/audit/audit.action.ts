import type { AnyRoute, HttpMethod } from '../http/route';

const METHOD_VERBS: Record<HttpMethod, string> = {
  get: 'read',
  post: 'create',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};

/** submissions → submission, categories → category, status → status. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const isPlural = (word: string) => singular(word) !== word;

/**
 * The default audit action of a route: the first path segment names the resource, a trailing
 * segment the action, otherwise the method does.
 *   POST /api/submissions/:id/commit → submission.commit
 *   PUT /api/import-profiles/:name → profile.update
 *   POST /api/practices/:id/ratings → practice.rating.create
 */
export function deriveAction(method: HttpMethod, path: string): string {
  const fixed = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith(':'));
  const resource = singular(fixed[0] ?? 'api');
  const rest = fixed.slice(1);
  const verb = METHOD_VERBS[method];
  if (!rest.length) return `${resource}.${verb}`;
  const last = rest[rest.length - 1]!;
  return isPlural(last)
    ? [resource, ...rest.slice(0, -1), singular(last), verb].join('.')
    : [resource, ...rest].join('.');
}

export function auditAction(route: AnyRoute): string {
  if (typeof route.audit === 'string') return route.audit;
  if (route.audit) return route.audit.action;
  // A route that receives a file is an upload, whatever its path says.
  if (route.upload && route.method === 'post') return `${routeResource(route)}.upload`;
  return deriveAction(route.method, route.path);
}

/** The resource a route acts on, e.g. "submission" for /api/submissions/:id/commit. */
export function routeResource(route: AnyRoute): string {
  const first = route.path.replace(/^\/api\//, '').split('/')[0] ?? '';
  return singular(first);
}
