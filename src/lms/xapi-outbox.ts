/**
 * What the cmi5 session has to send, kept until the LRS acknowledges it: statements in order (cmi5 wants
 * initialized first and terminated last, so one at a time), then the latest progress document. Kept in memory
 * and in browser storage, so neither an LRS that is down nor a closed page loses anything, and sent again with
 * backoff after a failure and at once on the learner's next step.
 *
 * A statement is never sent twice under two ids: its UUID is made once, in the browser. Sending it again is
 * therefore safe, and an LRS that answers 409 (an id it already holds) has it. A statement sent without a known
 * answer (no response, or sent as the page closed) is "uncertain": if the LMS then refuses it (400/403, e.g.
 * the CATAPULT player's "already completed"), it is taken as stored and dropped, with a warning.
 */

import { type ProgressState, progressDocument, readProgressDocument } from './cmi5-progress-state.ts';
import type { XapiStatement } from './cmi5-statements.ts';
import type { LmsLogger } from './lms-logger.ts';
import type { LmsStatus } from './lms-port.ts';
import { describeFailure, type XapiFailure, type XapiResult } from './xapi-http.ts';

export interface OutboxEntry {
  readonly statement: XapiStatement;
  /** The session that made it: another session's statements need this session's context (inSession). */
  readonly sessionId: string;
  readonly uncertain: boolean;
}

export interface OutboxContents {
  readonly entries: readonly OutboxEntry[];
  readonly state: ProgressState | null;
}

export interface OutboxTransport {
  postStatements(statements: readonly XapiStatement[]): Promise<XapiResult>;
  putState(document: Readonly<Record<string, unknown>>): Promise<XapiResult>;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface XapiOutboxOptions {
  readonly transport: OutboxTransport;
  readonly storage: () => Storage | null;
  readonly storageKey: string;
  readonly sessionId: string;
  readonly log: LmsLogger;
  readonly timers?: Timers;
  /** Waits between tries after failures in a row; the last one repeats. */
  readonly backoffMs?: readonly number[];
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 2000, 5000, 10_000, 20_000, 30_000];
const STORED_VERSION = 1;
const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class XapiOutbox {
  private entries: OutboxEntry[];
  private state: ProgressState | null;
  private inFlight: OutboxEntry | null = null;
  private sending = false;
  private failures = 0;
  private timer: unknown = null;
  private closed = false;
  private readonly listeners = new Set<(status: LmsStatus) => void>();
  private readonly timers: Timers;
  private readonly backoff: readonly number[];

  constructor(
    private readonly options: XapiOutboxOptions,
    initial: OutboxContents = { entries: [], state: null },
  ) {
    this.entries = [...initial.entries];
    this.state = initial.state;
    this.timers = options.timers ?? browserTimers;
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  /** What an earlier page left unsent under `key`; every entry uncertain, since that page may have sent it. */
  static load(storage: () => Storage | null, key: string): OutboxContents {
    try {
      const raw = storage()?.getItem(key);
      const stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      if (stored?.v !== STORED_VERSION || !Array.isArray(stored.entries)) return { entries: [], state: null };
      const entries = (stored.entries as Record<string, unknown>[])
        .filter((e) => typeof (e.statement as XapiStatement | undefined)?.id === 'string')
        .map((e) => ({
          statement: e.statement as XapiStatement,
          sessionId: typeof e.sessionId === 'string' ? e.sessionId : '',
          uncertain: true,
        }));
      return { entries, state: readProgressDocument(stored.state) };
    } catch {
      return { entries: [], state: null };
    }
  }

  get pending(): number {
    return this.entries.length + (this.state ? 1 : 0);
  }

  /** `uncertain`: it may be stored already (an earlier page sent it without seeing the answer). */
  add(statement: XapiStatement, uncertain = false): void {
    if (this.closed) return;
    this.entries.push({ statement, sessionId: this.options.sessionId, uncertain });
    this.persist();
  }

  /** The latest progress replaces any still waiting: only the newest place matters. */
  setState(state: ProgressState): void {
    if (this.closed) return;
    this.state = state;
    this.persist();
  }

  /** Sends what waits now, without waiting for a backoff to run out (the learner's next step). */
  flush(): void {
    if (this.closed) return;
    this.timers.clear(this.timer);
    this.timer = null;
    void this.pump();
  }

  /**
   * The page is closing: sends everything not yet on its way, progress first (a cmi5 session refuses all
   * requests once its terminated statement is stored), then the statements as one batch, both with keepalive
   * (xapi-http.ts). Nothing waits for the answers; the storage keeps all of it, uncertain, for the next launch.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timers.clear(this.timer);
    const state = this.state;
    const waiting = this.entries.filter((entry) => entry !== this.inFlight);
    this.entries = this.entries.map((entry) => ({ ...entry, uncertain: true }));
    this.persist();
    const sent = (result: XapiResult) => result.ok;
    const afterState = state
      ? this.options.transport.putState(progressDocument(state)).then(sent)
      : Promise.resolve(true);
    const afterStatements = waiting.length
      ? this.options.transport.postStatements(waiting.map((entry) => entry.statement)).then(sent)
      : Promise.resolve(true);
    // Read only if the page lives on (a restart, a test): then storage can forget what arrived.
    void Promise.all([afterState, afterStatements]).then(([stateSent, statementsSent]) => {
      if (stateSent && this.state === state) this.state = null;
      if (statementsSent)
        this.entries = this.entries.filter((entry) => !waiting.some((w) => w.statement === entry.statement));
      this.persist();
    });
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async pump(): Promise<void> {
    if (this.sending || this.closed) return;
    this.sending = true;
    let failure: XapiFailure | null = null;
    let sent = false;
    while (!this.closed && failure === null) {
      const entry = this.entries[0];
      const state = this.state;
      if (entry) {
        this.inFlight = entry;
        const result = await this.options.transport.postStatements([entry.statement]);
        this.inFlight = null;
        if (this.closed) break;
        if (result.ok || this.storedAlready(entry, result.failure)) {
          this.entries = this.entries.filter((e) => e !== entry);
          sent = true;
        } else {
          failure = result.failure;
          if (failure.kind === 'network')
            this.entries = this.entries.map((e) => (e === entry ? { ...e, uncertain: true } : e));
        }
      } else if (state) {
        const result = await this.options.transport.putState(progressDocument(state));
        if (this.closed) break;
        if (result.ok) {
          if (this.state === state) this.state = null;
          sent = true;
        } else failure = result.failure;
      } else break;
      this.persist();
    }
    this.sending = false;
    if (this.closed) return;
    if (failure) this.failed(failure);
    else if (sent || this.failures > 0) {
      this.failures = 0;
      this.emit({ kind: 'saved' });
    }
  }

  /** 409: the LRS holds a statement with this id, which only this statement ever had. */
  private storedAlready(entry: OutboxEntry, failure: XapiFailure): boolean {
    if (failure.kind !== 'http') return false;
    if (failure.status === 409) return true;
    if (!entry.uncertain || (failure.status !== 400 && failure.status !== 403)) return false;
    this.options.log.warn(
      `${describeFailure(`statement ${entry.statement.id}`, failure)}; it was sent before without an answer, so it is taken as stored`,
    );
    return true;
  }

  private failed(failure: XapiFailure): void {
    this.failures += 1;
    const wait = this.backoff[Math.min(this.failures, this.backoff.length) - 1] ?? 30_000;
    const message = describeFailure('the LRS did not store what was sent', failure);
    this.options.log.warn(`${message}; trying again in ${wait / 1000} s`, { pending: this.pending });
    this.emit({
      kind: 'error',
      operation: 'commit',
      message,
      code: failure.kind === 'http' ? String(failure.status) : '',
    });
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.pump();
    }, wait);
  }

  private emit(status: LmsStatus): void {
    for (const listener of this.listeners) listener(status);
  }

  private persist(): void {
    try {
      const storage = this.options.storage();
      if (!storage) return;
      if (this.entries.length === 0 && this.state === null) storage.removeItem(this.options.storageKey);
      else
        storage.setItem(
          this.options.storageKey,
          JSON.stringify({
            v: STORED_VERSION,
            entries: this.entries,
            state: this.state ? progressDocument(this.state) : null,
          }),
        );
    } catch {
      // A full or refused storage: the memory copy still goes out while the page is open.
    }
  }
}
