/**
 * The cmi5 launch parameters (cmi5 §8.1): the LMS opens the AU at its URL with `endpoint`, `fetch`, `actor`,
 * `registration` and `activityId` in the query string. Pure: a query string in, the parameters or the reason
 * they cannot be used out. Never throws.
 */

export interface XapiAgent {
  readonly objectType?: 'Agent';
  readonly name?: string;
  readonly account: { readonly homePage: string; readonly name: string };
}

export interface Cmi5LaunchParams {
  /** The LRS endpoint, ending in "/" so resources can be appended. */
  readonly endpoint: string;
  /** The one-time URL that hands out the auth token. */
  readonly fetchUrl: string;
  /** The actor exactly as the LMS wrote it: statements must carry it unchanged (the player compares deeply). */
  readonly actor: XapiAgent;
  /** The `actor` parameter as given, for the State API's `agent` parameter. */
  readonly actorJson: string;
  readonly registration: string;
  readonly activityId: string;
}

export type Cmi5LaunchParamsResult =
  /** No cmi5 parameter at all: the page was opened outside an LMS, as the SCORM packages are when none is found. */
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'valid'; readonly params: Cmi5LaunchParams };

const NAMES = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

export function readCmi5LaunchParams(search: string): Cmi5LaunchParamsResult {
  const query = new URLSearchParams(search);
  const values = Object.fromEntries(NAMES.map((name) => [name, query.get(name)?.trim() ?? '']));
  const missing = NAMES.filter((name) => values[name] === '');
  if (missing.length === NAMES.length) return { kind: 'absent' };
  if (missing.length > 0)
    return invalid(`the launch URL lacks ${missing.join(', ')} (cmi5 §8.1 needs all of ${NAMES.join(', ')})`);
  const { endpoint = '', fetch = '', actor = '', registration = '', activityId = '' } = values;
  if (!isHttpUrl(endpoint)) return invalid(`endpoint "${endpoint}" is not an http(s) URL`);
  if (!isHttpUrl(fetch)) return invalid(`fetch "${fetch}" is not an http(s) URL`);
  if (!UUID.test(registration)) return invalid(`registration "${registration}" is not a UUID`);
  if (!IRI.test(activityId)) return invalid(`activityId "${activityId}" is not an IRI`);
  const agent = readAgent(actor);
  if (typeof agent === 'string') return invalid(agent);
  return {
    kind: 'valid',
    params: {
      endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
      fetchUrl: fetch,
      actor: agent,
      actorJson: actor,
      registration,
      activityId,
    },
  };
}

/** The agent, or why it is not one cmi5 accepts (§9.2: an Agent identified by an account). */
function readAgent(json: string): XapiAgent | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'actor is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'actor is not a JSON object';
  const agent = value as Record<string, unknown>;
  if (agent.objectType !== undefined && agent.objectType !== 'Agent') return 'actor is not an Agent';
  const account = agent.account as Record<string, unknown> | undefined;
  if (typeof account?.homePage !== 'string' || typeof account.name !== 'string')
    return 'actor has no account with homePage and name (cmi5 §9.2)';
  if (agent.name !== undefined && typeof agent.name !== 'string') return 'actor name is not text';
  return value as XapiAgent;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function invalid(reason: string): Cmi5LaunchParamsResult {
  return { kind: 'invalid', reason };
}
