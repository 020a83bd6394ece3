import type { GeosAnswer, IndicatorsAnswer, ObservationsAnswer } from './types';
import type {
  AlertsResponse,
  CompareResponse,
  GeoProfileResponse,
  TrendResponse,
} from '../../server/shared/api/analytics';
import type { PracticeDetail, PracticeSearchResponse } from './types';
import { currentLocale, t } from '../i18n/i18n';

/** Every request names the reader's language, so the server's messages and labels arrive in it. */
function languageHeaders(): Record<string, string> {
  return { 'accept-language': currentLocale() };
}

/** An API answer other than 2xx, with the server's message (it says what went wrong and how to fix it). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | string[] | null | undefined>;

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

function messageOf(body: unknown, status: number): string {
  const error = (body as { error?: { message?: string } | string } | null)?.error;
  if (typeof error === 'string') return error;
  if (error && typeof error.message === 'string') return error.message;
  return t('shell.server-answered', { status });
}

export async function readAnswer<T>(response: Response): Promise<T> {
  const body: unknown = (response.headers.get('content-type') ?? '').includes('json')
    ? await response.json()
    : await response.text();
  if (!response.ok) throw new ApiError(response.status, messageOf(body, response.status), body);
  return body as T;
}

/**
 * Recent answers by language and URL, so that re-rendering a view (a scale, a tab, back/forward) does
 * not refetch, and an answer in one language is never shown after switching to another.
 */
const answers = new Map<string, Promise<unknown>>();
const REMEMBERED = 300;

/** Forgets remembered answers: after a commit or a new import profile, published data has changed. */
export function forgetAnswers(): void {
  answers.clear();
}

export function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  const key = `${currentLocale()} ${url}`;
  const known = answers.get(key);
  if (known) return known as Promise<T>;
  const answer = fetch(url, { headers: { accept: 'application/json', ...languageHeaders() } }).then((r) =>
    readAnswer<T>(r),
  );
  answers.set(key, answer);
  answer.catch(() => answers.delete(key));
  if (answers.size > REMEMBERED) answers.delete(answers.keys().next().value!);
  return answer;
}

/**
 * The session's CSRF token. Every write the dashboard makes with the session cookie carries it,
 * through writeHeaders(): the one place that adds it (JSON writes, uploads, commits, import profiles).
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers for a non-GET request: JSON answers, and the CSRF token when signed in. */
export function writeHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    accept: 'application/json',
    ...languageHeaders(),
    ...extra,
    ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
  };
}

/** A GET that is never answered from memory (account lists, queues: they change with every action). */
export async function getFresh<T>(path: string, params: Params = {}): Promise<T> {
  return readAnswer<T>(
    await fetch(apiUrl(path, params), {
      headers: { accept: 'application/json', ...languageHeaders() },
      cache: 'no-store',
    }),
  );
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: writeHeaders(body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readAnswer<T>(response);
}

const once = new Map<string, Promise<unknown>>();
function cached<T>(name: string, load: () => Promise<T>): Promise<T> {
  const key = `${currentLocale()} ${name}`;
  if (!once.has(key))
    once.set(
      key,
      load().catch((error) => {
        once.delete(key);
        throw error;
      }),
    );
  return once.get(key) as Promise<T>;
}

export const catalogueApi = {
  geos: () => cached('geos', () => getJson<GeosAnswer>('/api/geos')),
  indicators: () => cached('indicators', () => getJson<IndicatorsAnswer>('/api/indicators')),
  observations: (params: {
    indicator: string[];
    geo?: string[];
    from?: string;
    to?: string;
    measure?: string;
    asOf?: string | null;
    /** 0: countries and aggregates; 1–3: NUTS regions of that level. */
    level?: number;
  }) => getJson<ObservationsAnswer>('/api/observations', params),
};

type AnalyticsParams = { measure?: string; asOf?: string | null };

export const analyticsApi = {
  /** `level` 1–3 ranks the NUTS regions of that level in `group` (a country, or an aggregate's members). */
  compare: (params: { indicator: string; period: string; group?: string; level?: number } & AnalyticsParams) =>
    getJson<CompareResponse>('/api/compare', params),
  trends: (params: { indicator: string; geo: string; from?: string; to?: string } & AnalyticsParams) =>
    getJson<TrendResponse>('/api/trends', params),
  alerts: (params: { period?: string; group?: string; asOf?: string | null }) =>
    getJson<AlertsResponse>('/api/alerts', params),
  countryProfile: (geo: string, params: { asOf?: string | null }) =>
    getJson<GeoProfileResponse>(`/api/geos/${encodeURIComponent(geo)}/profile`, params),
};

export const practiceApi = {
  search: (params: Params) => getJson<PracticeSearchResponse>('/api/practices', params),
  detail: (slug: string) => getJson<PracticeDetail>(`/api/practices/${encodeURIComponent(slug)}`),
};
