/**
 * What the cmi5 AU sends its LRS, as the browser sent it: every request to the player's LRS proxy, recorded,
 * and the figures per decision and per session taken from them. The cmi5 suite prints them for one path;
 * `npm run bench` reports them when an LRS kit is up.
 */
import type { BrowserContext } from 'playwright-core';
import { verbOf } from './cmi5-kit.ts';

/** A request the AU made to the LRS (through the player). */
export interface LrsRequest {
  readonly method: string;
  readonly url: string;
  /** Bytes of the request body (headers not counted). */
  readonly bytes: number;
  /** The verbs of the statements it carried (none for a State API request). */
  readonly verbs: readonly string[];
}

/** Records, from now on, every request the pages of `context` make to `lrsUrl` (the player's `/lrs/`). */
export function recordLrsRequests(context: BrowserContext, lrsUrl: string): LrsRequest[] {
  const requests: LrsRequest[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(lrsUrl)) return;
    const body = request.postData() ?? '';
    const sent = request.url().includes('/statements') && body ? [JSON.parse(body)].flat() : [];
    requests.push({
      method: request.method(),
      url: request.url(),
      bytes: Buffer.byteLength(body),
      verbs: sent.map((statement) => verbOf(statement)),
    });
  });
  return requests;
}

export interface Cmi5Traffic {
  readonly decisions: number;
  /** "answered" statements per decision, and their mean body size. */
  readonly statementsPerDecision: number;
  readonly statementBytes: number;
  /** Progress documents PUT to the State API per decision, and their mean body size. */
  readonly progressPutsPerDecision: number;
  readonly progressPutBytes: number;
  /** Both together: requests and body bytes per decision. */
  readonly requestsPerDecision: number;
  readonly bytesPerDecision: number;
  /** The session's own statements (initialized, completed, passed or failed, terminated), in order, and bytes. */
  readonly sessionStatements: readonly string[];
  readonly sessionBytes: number;
}

/** The figures of one session that made `decisions` decisions and sent `requests`. */
export function cmi5Traffic(requests: readonly LrsRequest[], decisions: number): Cmi5Traffic {
  const posts = requests.filter((r) => r.method === 'POST' && r.url.includes('/statements'));
  const answered = posts.filter((r) => r.verbs.length > 0 && r.verbs.every((verb) => verb === 'answered'));
  const others = posts.filter((r) => !answered.includes(r));
  const puts = requests.filter((r) => r.method === 'PUT');
  const bytes = (list: readonly LrsRequest[]) => list.reduce((sum, r) => sum + r.bytes, 0);
  const statements = answered.reduce((sum, r) => sum + r.verbs.length, 0);
  return {
    decisions,
    statementsPerDecision: statements / decisions,
    statementBytes: Math.round(bytes(answered) / Math.max(1, statements)),
    progressPutsPerDecision: puts.length / decisions,
    progressPutBytes: Math.round(bytes(puts) / Math.max(1, puts.length)),
    requestsPerDecision: (answered.length + puts.length) / decisions,
    bytesPerDecision: Math.round((bytes(answered) + bytes(puts)) / decisions),
    sessionStatements: others.flatMap((r) => r.verbs),
    sessionBytes: bytes(others),
  };
}

/** Two lines a person reads: per decision, and per session. */
export function describeCmi5Traffic(traffic: Cmi5Traffic): string {
  const t = traffic;
  return [
    `per decision: ${t.statementsPerDecision} "answered" statement (${t.statementBytes} B) + ` +
      `${t.progressPutsPerDecision.toFixed(2)} progress PUT (${t.progressPutBytes} B) = ` +
      `${t.requestsPerDecision.toFixed(2)} requests, ${t.bytesPerDecision} B of body`,
    `per session: ${t.sessionStatements.join(', ')} (${t.sessionBytes} B)${
      // Sent with keepalive as the page goes: the LRS gets it, but the browser no longer reports it.
      t.sessionStatements.includes('terminated') ? '' : ', then terminated as the page goes (not counted)'
    }, after 4 GETs at launch (token, LMS.LaunchData, preferences, saved place)`,
  ].join('\n');
}
