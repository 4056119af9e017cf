/**
 * One xAPI request with `fetch`, and what came of it in words the session can act on. The AU's side of cmi5 is
 * a handful of such requests, so no client library: this is the whole transport.
 *
 * - Bodies are `JSON.stringify` output exactly: the CATAPULT player forwards the AU's Content-Length but sends
 *   the body re-serialised, so any other spelling of the same JSON breaks the request (lrs kit README).
 * - Every request may outlive the page (`keepalive`): a statement sent just before the learner closes the
 *   window still arrives. A beacon cannot carry the Authorization header, a keepalive fetch can.
 * - Never throws: no answer, an error status and an answer that is not what an LRS sends (an HTML login or
 *   error page) each come back as a failure the session reports and retries.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const XAPI_VERSION = '1.0.3';

/** Longest wait for an answer; a request that takes longer is counted as unanswered and tried again later. */
export const XAPI_TIMEOUT_MS = 20_000;

export interface XapiRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  /** The Authorization header value, e.g. `Basic <token>`; none for the cmi5 fetch URL. */
  readonly auth?: string | undefined;
  readonly body?: unknown;
  readonly keepalive?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export type XapiFailure =
  /** No answer: the LRS is down or unreachable, the browser is offline, or the answer took too long. */
  | { readonly kind: 'network'; readonly status: 0; readonly message: string }
  /** An answer with an error status (401, 403, 500, 502 …); `message` is the start of its body. */
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  /** A success status whose body is not the JSON an LRS sends, e.g. an HTML page from a proxy. */
  | { readonly kind: 'not-json'; readonly status: number; readonly message: string };

export type XapiResult =
  | { readonly ok: true; readonly status: number; readonly json: unknown; readonly etag: string | null }
  | { readonly ok: false; readonly failure: XapiFailure };

export interface XapiHttpOptions {
  readonly fetch?: FetchLike | undefined;
  readonly timeoutMs?: number | undefined;
}

/** Sends one request; `expectJson` asks for a JSON body on success (an empty 204 is accepted otherwise). */
export async function xapiRequest(
  request: XapiRequest,
  expectJson: boolean,
  options: XapiHttpOptions = {},
): Promise<XapiResult> {
  const doFetch = options.fetch ?? defaultFetch();
  if (!doFetch) return failure('network', 0, 'this browser has no fetch');
  const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION, ...request.headers };
  if (request.auth) headers.Authorization = request.auth;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['Content-Type'] = 'application/json';
  }
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), options.timeoutMs ?? XAPI_TIMEOUT_MS);
  try {
    const init: RequestInit = { method: request.method, headers, keepalive: request.keepalive ?? false };
    if (body !== undefined) init.body = body;
    if (controller) init.signal = controller.signal;
    const response = await doFetch(request.url, init);
    const text = await response.text();
    if (!response.ok) return failure('http', response.status, excerpt(text));
    return readBody(response, text, expectJson);
  } catch (error) {
    return failure('network', 0, error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function readBody(response: Response, text: string, expectJson: boolean): XapiResult {
  const type = response.headers.get('Content-Type') ?? '';
  const etag = response.headers.get('ETag');
  // An empty 204 is what a State API PUT answers, whatever its Content-Type says (ADL LRS: text/html).
  if (text.trim() === '') {
    if (expectJson) return failure('not-json', response.status, 'an empty answer instead of JSON');
    return { ok: true, status: response.status, json: null, etag };
  }
  if (/html/i.test(type) || /^\s*</.test(text))
    return failure('not-json', response.status, `an HTML page instead of JSON: ${excerpt(text)}`);
  try {
    return { ok: true, status: response.status, json: JSON.parse(text) as unknown, etag };
  } catch {
    return failure('not-json', response.status, `an answer that is not JSON: ${excerpt(text)}`);
  }
}

function failure(kind: XapiFailure['kind'], status: number, message: string): XapiResult {
  return { ok: false, failure: { kind, status, message } as XapiFailure };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function defaultFetch(): FetchLike | null {
  return typeof fetch === 'function' ? (url, init) => fetch(url, init) : null;
}

/** The failure in a few words for the console and the error status. */
export function describeFailure(what: string, failed: XapiFailure): string {
  if (failed.kind === 'network') return `${what}: no answer (${failed.message})`;
  if (failed.kind === 'http') return `${what}: HTTP ${failed.status} ${failed.message}`.trim();
  return `${what}: ${failed.message}`;
}
