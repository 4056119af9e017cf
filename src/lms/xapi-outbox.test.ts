import { describe, expect, it } from 'vitest';
import type { ProgressState } from './cmi5-progress-state.ts';
import type { XapiStatement } from './cmi5-statements.ts';
import type { LmsStatus } from './lms-port.ts';
import type { XapiResult } from './xapi-http.ts';
import { type OutboxTransport, type Timers, XapiOutbox } from './xapi-outbox.ts';

/** An LRS whose answers the test sets: it stores what it accepts, by id, as a real one does. */
class ScriptedLrs implements OutboxTransport {
  readonly stored = new Map<string, XapiStatement>();
  readonly states: Record<string, unknown>[] = [];
  readonly requests: string[] = [];
  /** The answer to the next requests: ok, or a failure. */
  answer: 'ok' | 'down' | number = 'ok';

  async postStatements(statements: readonly XapiStatement[]): Promise<XapiResult> {
    this.requests.push(`POST ${statements.map((s) => s.id).join(',')}`);
    const failed = this.failure();
    if (failed) return failed;
    if (statements.some((s) => this.stored.has(s.id)))
      return { ok: false, failure: { kind: 'http', status: 409, message: 'already exists' } };
    for (const statement of statements) this.stored.set(statement.id, statement);
    return { ok: true, status: 200, json: statements.map((s) => s.id), etag: null };
  }

  async putState(document: Readonly<Record<string, unknown>>): Promise<XapiResult> {
    this.requests.push('PUT state');
    const failed = this.failure();
    if (failed) return failed;
    this.states.push(document);
    return { ok: true, status: 204, json: null, etag: null };
  }

  private failure(): XapiResult | null {
    if (this.answer === 'ok') return null;
    if (this.answer === 'down')
      return { ok: false, failure: { kind: 'network', status: 0, message: 'refused' } };
    return { ok: false, failure: { kind: 'http', status: this.answer, message: 'no' } };
  }
}

/** Timers the test runs by hand: what waits, and for how long. */
class ManualTimers implements Timers {
  waiting: { run: () => void; ms: number } | null = null;
  set(run: () => void, ms: number) {
    this.waiting = { run, ms };
    return this.waiting;
  }
  clear(handle: unknown) {
    if (handle === this.waiting) this.waiting = null;
  }
  fire() {
    const next = this.waiting;
    this.waiting = null;
    next?.run();
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const statement = (id: string): XapiStatement => ({
  id,
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
});
const place = (suspendData: string): ProgressState => ({
  at: 1,
  location: 'n',
  suspendData,
  reflection: '',
  status: { completion: 'incomplete', success: 'unknown' },
});

function setUp(storage = new MemoryStorage()) {
  const lrs = new ScriptedLrs();
  const timers = new ManualTimers();
  const warnings: string[] = [];
  const outbox = new XapiOutbox({
    transport: lrs,
    storage: () => storage as unknown as Storage,
    storageKey: 'cmi5-outbox:r1',
    sessionId: 's1',
    log: { warn: (message) => warnings.push(message) },
    timers,
    backoffMs: [1000, 5000],
  });
  const statuses: LmsStatus[] = [];
  outbox.onStatus((status) => statuses.push(status));
  return { lrs, timers, outbox, statuses, storage, warnings };
}

describe('XapiOutbox', () => {
  it('sends statements one at a time in order, then the latest place', async () => {
    const { lrs, outbox, statuses } = setUp();
    outbox.add(statement('a'));
    outbox.add(statement('b'));
    outbox.setState(place('1|0|n|1'));
    outbox.setState(place('1|00|n|2'));
    outbox.flush();
    await settle();
    expect(lrs.requests).toEqual(['POST a', 'POST b', 'PUT state']);
    expect(lrs.states).toEqual([expect.objectContaining({ suspendData: '1|00|n|2' })]);
    expect(statuses).toEqual([{ kind: 'saved' }]);
    expect(outbox.pending).toBe(0);
  });

  it('keeps everything while the LRS is down, says so, and sends it once it is back, each once', async () => {
    const { lrs, timers, outbox, statuses } = setUp();
    lrs.answer = 'down';
    outbox.add(statement('a'));
    outbox.flush();
    await settle();
    expect(statuses).toEqual([{ kind: 'error', operation: 'commit', code: '', message: expect.any(String) }]);
    expect(timers.waiting?.ms).toBe(1000);
    outbox.add(statement('b'));
    timers.fire();
    await settle();
    expect(timers.waiting?.ms).toBe(5000);
    expect(outbox.pending).toBe(2);

    lrs.answer = 'ok';
    timers.fire();
    await settle();
    expect([...lrs.stored.keys()]).toEqual(['a', 'b']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(timers.waiting).toBeNull();
  });

  it.each([401, 403, 500, 502])('reports HTTP %i with its code and keeps the statement', async (status) => {
    const { lrs, outbox, statuses } = setUp();
    lrs.answer = status;
    outbox.add(statement('a'));
    outbox.flush();
    await settle();
    expect(statuses).toEqual([expect.objectContaining({ kind: 'error', code: String(status) })]);
    expect(outbox.pending).toBe(1);
  });

  it('tries again at once on the learner’s next step, without waiting for the backoff', async () => {
    const { lrs, timers, outbox } = setUp();
    lrs.answer = 500;
    outbox.add(statement('a'));
    outbox.flush();
    await settle();
    lrs.answer = 'ok';
    outbox.flush();
    await settle();
    expect(lrs.stored.has('a')).toBe(true);
    expect(timers.waiting).toBeNull();
  });

  it('takes a 409 as stored: the LRS already holds that id, which only this statement has', async () => {
    const { lrs, outbox, statuses } = setUp();
    lrs.stored.set('a', statement('a'));
    outbox.add(statement('a'));
    outbox.add(statement('b'));
    outbox.flush();
    await settle();
    expect(outbox.pending).toBe(0);
    expect(statuses).toEqual([{ kind: 'saved' }]);
  });

  it('drops an uncertain statement the LMS refuses, with a warning, but keeps a refused certain one', async () => {
    const { lrs, outbox, warnings } = setUp();
    lrs.answer = 403;
    outbox.add(statement('sent-before'), true);
    outbox.flush();
    await settle();
    expect(outbox.pending).toBe(0);
    expect(warnings.join('\n')).toMatch(/sent-before: HTTP 403.*taken as stored/);

    outbox.add(statement('new'));
    outbox.flush();
    await settle();
    expect(outbox.pending).toBe(1);
  });

  it('keeps what waits in storage, and a later page loads it as uncertain', async () => {
    const storage = new MemoryStorage();
    const first = setUp(storage);
    first.lrs.answer = 'down';
    first.outbox.add(statement('a'));
    first.outbox.setState(place('1|0|f|9'));
    first.outbox.flush();
    await settle();

    const loaded = XapiOutbox.load(() => storage as unknown as Storage, 'cmi5-outbox:r1');
    expect(loaded.entries).toEqual([{ statement: statement('a'), sessionId: 's1', uncertain: true }]);
    expect(loaded.state).toEqual(place('1|0|f|9'));
  });

  it('forgets the storage once everything is sent', async () => {
    const { outbox, storage } = setUp();
    outbox.add(statement('a'));
    outbox.flush();
    await settle();
    expect(storage.items.size).toBe(0);
  });

  it('on close sends the place, then everything waiting in one batch, and nothing afterwards', async () => {
    const { lrs, timers, outbox } = setUp();
    lrs.answer = 'down';
    outbox.add(statement('a'));
    outbox.flush();
    await settle();
    lrs.answer = 'ok';
    outbox.add(statement('terminated'));
    outbox.setState(place('1|0|f|9'));
    outbox.close();
    await settle();
    expect(lrs.requests.slice(1)).toEqual(['PUT state', 'POST a,terminated']);
    expect(timers.waiting).toBeNull();
    outbox.add(statement('late'));
    outbox.flush();
    await settle();
    expect(lrs.stored.has('late')).toBe(false);
    expect(outbox.pending).toBe(0);
  });

  it('loads nothing from damaged or foreign storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{"v":1,"entries":');
    expect(XapiOutbox.load(() => storage as unknown as Storage, 'k')).toEqual({ entries: [], state: null });
    storage.setItem('k', '{"v":7,"entries":[]}');
    expect(XapiOutbox.load(() => storage as unknown as Storage, 'k')).toEqual({ entries: [], state: null });
    expect(XapiOutbox.load(() => null, 'k')).toEqual({ entries: [], state: null });
  });
});
