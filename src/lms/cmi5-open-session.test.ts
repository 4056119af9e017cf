/**
 * The cmi5 session from launch URL to terminated, over `fetch` answered by a small in-memory LMS that keeps
 * the rules the CATAPULT player enforces which matter here (token once, preferences before statements).
 * The real player and LRS are in tests/cmi5-player.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { openCmi5Session } from './cmi5-open-session.ts';
import { SESSION_ID_EXTENSION } from './cmi5-statements.ts';
import type { DecisionRecord, LmsSession } from './lms-port.ts';
import { PROGRESS_STATE_ID } from './xapi-iris.ts';

const actor = {
  objectType: 'Agent',
  name: 'Dr A Trainee',
  account: { homePage: 'https://lms.example', name: 'a1' },
};
const registration = '3307ea2e-be07-4429-83f9-f859106cbd95';
const launch = {
  endpoint: 'https://lms.example/lrs',
  fetch: 'https://lms.example/fetch/1',
  actor: JSON.stringify(actor),
  registration,
  activityId: 'https://lms.example/course/1/au/0',
};

class FakeLms {
  fetched = 0;
  prefsRead = false;
  launchMode = 'Normal';
  fetchAnswer: { type: string; body: string } | null = null;
  readonly statements: Record<string, unknown>[] = [];
  readonly log: string[] = [];
  progress: unknown = null;
  sessionId = 'session-1';
  /** The LRS behind the LMS stops answering (the fetch URL still does). */
  lrsDown = false;

  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    if (this.lrsDown && url !== launch.fetch) throw new TypeError('Failed to fetch');
    const method = init.method ?? 'GET';
    const { pathname, searchParams } = new URL(url);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url === launch.fetch) {
      if (this.fetchAnswer)
        return new Response(this.fetchAnswer.body, { headers: { 'Content-Type': this.fetchAnswer.type } });
      this.fetched += 1;
      return json(
        this.fetched === 1
          ? { 'auth-token': 'dG9rZW4=' }
          : { 'error-code': '1', 'error-text': 'Already in Use' },
      );
    }
    if (new Headers(init.headers).get('Authorization') !== 'Basic dG9rZW4=')
      return json({ error: 'auth' }, 401);
    if (pathname === '/lrs/activities/state' && searchParams.get('stateId') === 'LMS.LaunchData')
      return json({
        contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: this.sessionId } },
        launchMode: this.launchMode,
        masteryScore: 0.75,
        moveOn: 'CompletedAndPassed',
      });
    if (pathname === '/lrs/agents/profile') {
      this.prefsRead = true;
      return new Response('', { status: 404 });
    }
    if (pathname === '/lrs/activities/state' && searchParams.get('stateId') === PROGRESS_STATE_ID) {
      if (method === 'PUT') {
        this.progress = JSON.parse(String(init.body));
        this.log.push('PUT state');
        return new Response(null, { status: 204 });
      }
      return this.progress ? json(this.progress) : new Response('', { status: 404 });
    }
    if (pathname === '/lrs/statements' && method === 'POST') {
      if (!this.prefsRead) return json({ message: '11.0.0.0-3' }, 403);
      const body = JSON.parse(String(init.body));
      for (const statement of Array.isArray(body) ? body : [body]) {
        this.statements.push(statement);
        this.log.push(statement.verb.id.split('/').pop());
      }
      return json((Array.isArray(body) ? body : [body]).map((s: { id: string }) => s.id));
    }
    return json({ error: 'unexpected' }, 400);
  };
}

function windowAt(search: string, storage = new Map<string, string>()): Window {
  const localStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  };
  return { location: { search }, localStorage } as unknown as Window;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let uuids = 0;
const open = (lms: FakeLms, search: string, storage?: Map<string, string>) => {
  const warnings: string[] = [];
  const session = openCmi5Session({
    win: windowAt(search, storage),
    moduleId: 'm1',
    language: 'en-GB',
    fetch: lms.fetch,
    uuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}`,
    log: { warn: (message) => warnings.push(message) },
    launchRetryMs: [],
  });
  return { session, warnings };
};
const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

const decision: DecisionRecord = {
  interactionId: 'd1',
  description: 'The first decision',
  responseId: 'c2',
  correctResponseId: 'c1',
  result: 'neutral',
  weighting: 3,
  latencyMs: 1000,
  timestamp: Date.UTC(2025, 0, 1),
  detail: {
    title: 'First',
    choiceClass: 'acceptable',
    points: 2,
    minPoints: 0,
    maxPoints: 3,
    pointsByPrinciple: { p1: 2 },
    choices: [
      { id: 'c1', text: 'One' },
      { id: 'c2', text: 'Two' },
    ],
  },
};

async function playToEnd(session: LmsSession) {
  session.start();
  session.recordDecision(decision);
  session.saveProgress({ location: 'feedback:d1', suspendData: '1|2|d|5' });
  session.finish({ scoreRaw: 80, scaled: 0.8, passed: true, objectives: [] });
  await settle();
  session.terminate();
  await settle();
}

describe('openCmi5Session', () => {
  it('fetches the token once, reads launch data and preferences first, then sends the session in order', async () => {
    const lms = new FakeLms();
    const { session } = open(lms, query(launch));
    const launched = (await session).start();
    expect(launched).toMatchObject({
      standard: 'cmi5',
      recording: true,
      reviewing: false,
      entry: 'ab-initio',
    });
    expect(launched).toMatchObject({ learnerName: 'Dr A Trainee', masteryScore: 0.75, notice: null });
    await playToEnd(await session);
    expect(lms.fetched).toBe(1);
    expect(lms.log).toEqual(['initialized', 'answered', 'completed', 'passed', 'PUT state', 'terminated']);
    expect(lms.progress).toMatchObject({
      suspendData: '1|2|d|5',
      status: { completion: 'completed', success: 'passed' },
    });
  });

  it('resumes from the place the LRS holds', async () => {
    const lms = new FakeLms();
    lms.progress = {
      v: 1,
      at: 5,
      location: 'node:d2',
      suspendData: '1|2|n|9',
      reflection: 'I would…',
      status: {},
    };
    const launched = (await open(lms, query(launch)).session).start();
    expect(launched).toMatchObject({ entry: 'resume', suspendData: '1|2|n|9', reflection: 'I would…' });
  });

  it('sends only initialized and terminated in review', async () => {
    const lms = new FakeLms();
    lms.launchMode = 'Review';
    const session = await open(lms, query(launch)).session;
    expect(session.start()).toMatchObject({ reviewing: true, mode: 'review' });
    await playToEnd(session);
    expect(lms.log).toEqual(['initialized', 'terminated']);
  });

  it('sends what an earlier page left unsent in this session, dropping that session’s own start and end', async () => {
    const storage = new Map<string, string>();
    const first = new FakeLms();
    const firstSession = await open(first, query(launch), storage).session;
    firstSession.start();
    await settle();
    first.lrsDown = true;
    firstSession.recordDecision(decision);
    firstSession.terminate();
    await settle();
    const left = JSON.parse(storage.get(`cmi5-outbox:${registration}`) ?? '{}');
    const decisionId = left.entries[0].statement.id;

    const second = new FakeLms();
    second.sessionId = 'session-2';
    (await open(second, query(launch), storage).session).start();
    await settle();
    expect(first.log).toEqual(['initialized']);
    expect(second.log).toEqual(['initialized', 'answered']);
    expect(second.statements[1]).toMatchObject({
      id: decisionId,
      context: { extensions: { [SESSION_ID_EXTENSION]: 'session-2' } },
    });
  });

  it('runs standalone with no notice when the page was opened without launch parameters', async () => {
    const lms = new FakeLms();
    const launched = (await open(lms, '').session).start();
    expect(launched).toMatchObject({ standard: 'standalone', recording: false, notice: null });
    expect(lms.fetched).toBe(0);
  });

  it.each([
    ['a malformed actor', query({ ...launch, actor: '{"name":' }), () => {}, /actor is not valid JSON/],
    ['a missing registration', query({ ...launch, registration: '' }), () => {}, /lacks registration/],
    [
      'a fetch URL already used',
      query(launch),
      (lms: FakeLms) => {
        lms.fetched = 1;
      },
      /already used/,
    ],
    [
      'an HTML page from the fetch URL',
      query(launch),
      (lms: FakeLms) => {
        lms.fetchAnswer = { type: 'text/html', body: '<html><body>Log in</body></html>' };
      },
      /HTML page instead of JSON/,
    ],
  ])(
    'runs standalone with the refused notice and says why for %s',
    async (_what, search, arrange, reason) => {
      const lms = new FakeLms();
      arrange(lms);
      const { session, warnings } = open(lms, search);
      const launched = (await session).start();
      expect(launched).toMatchObject({
        standard: 'standalone',
        recording: false,
        notice: 'initialize-refused',
      });
      expect(warnings.join('\n')).toMatch(reason);
    },
  );

  it('runs standalone, never rejecting, when the LRS does not answer at launch', async () => {
    const lms = new FakeLms();
    const realFetch = lms.fetch;
    lms.fetch = async (url, init) =>
      url === launch.fetch ? realFetch(url, init) : Promise.reject(new TypeError('down'));
    const { session, warnings } = open(lms, query(launch));
    await expect(session).resolves.toBeDefined();
    expect((await session).start()).toMatchObject({ standard: 'standalone', notice: 'initialize-refused' });
    expect(warnings.join('\n')).toMatch(/LMS.LaunchData: no answer/);
  });

  it('uses crypto.randomUUID for statement ids by default', async () => {
    const lms = new FakeLms();
    const spy = vi.spyOn(crypto, 'randomUUID');
    const session = await openCmi5Session({
      win: windowAt(query(launch)),
      moduleId: 'm1',
      language: 'en-GB',
      fetch: lms.fetch,
    });
    session.start();
    await settle();
    expect(spy).toHaveBeenCalled();
    expect(lms.statements[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    spy.mockRestore();
  });
});
