/**
 * The thin, careful layer over an LMS API object. Every call is wrapped: a "false" return or a thrown error is
 * logged with GetLastError / GetErrorString / GetDiagnostic and reported, never thrown at the learner.
 *
 * - Commit is retried (3 tries by default): Moodle returns "false" with error 101 when its AJAX store fails
 *   (scorm-notes §5), which a second try often gets through.
 * - Values written since the last successful Commit are kept; after a failed Commit they are written again
 *   before the next Commit or Terminate, so a flaky LMS loses nothing that a later save can still deliver.
 * - A value the LMS refuses (SetValue "false" or a throw) is written again before each Commit and Terminate
 *   until it is accepted, and until then no Commit reports "saved": the learner's notice stays up until the
 *   refused data is stored, not just until the next Commit of something else.
 * - Terminate is called once, never retried, and nothing reaches the API after it (SCORM 2004 RTE 3.1.3.2:
 *   calls after Terminate are errors 123/133/143). The Commit before it has had its retries.
 * - Initialize refused as "already initialised" (1.2: 101, 2004: 103) is an open session, not a refusal, when
 *   GetValue still answers: the session is used and terminated once at the end.
 */

import type { AlreadyInitialized } from './already-initialized.ts';
import { consoleLogger, type LmsLogger } from './lms-logger.ts';
import type { LmsStatus } from './lms-port.ts';
import type { ScormCalls } from './scorm-api.ts';

export interface ConnectionOptions {
  readonly log?: LmsLogger;
  /** Tries per Commit, at least 1. Terminate is tried once. */
  readonly maxTries?: number;
}

/** Writes the connection cannot make itself (they depend on what the LMS took before); see `beforeSave`. */
export type WaitingWrites = () => LmsStatus | null;

/** Initialize returned "false" or threw: the caller falls back to standalone. */
export class LmsInitializeError extends Error {
  constructor(readonly code: string) {
    super(`the LMS refused to start a session (Initialize failed${code === '' ? '' : `, error ${code}`})`);
    this.name = 'LmsInitializeError';
  }
}

type Outcome =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly thrown?: unknown };

interface Failure {
  readonly code: string;
  readonly message: string;
  readonly diagnostic: string;
}

export class ScormConnection {
  private state: 'new' | 'open' | 'closed' = 'new';
  /** Accepted since the last successful Commit. */
  private readonly unsaved = new Map<string, string>();
  /** Written before a failed Commit and not since: to be written again before the next one. */
  private readonly stale = new Map<string, string>();
  /** Refused and not accepted since, in the order first written, each with the status that reports it. */
  private readonly refused = new Map<string, { readonly value: string; readonly status: LmsStatus }>();
  private readonly waiting: WaitingWrites[] = [];
  private readonly listeners = new Set<(status: LmsStatus) => void>();
  private readonly log: LmsLogger;
  private readonly maxTries: number;

  constructor(
    private readonly calls: ScormCalls,
    options: ConnectionOptions = {},
  ) {
    this.log = options.log ?? consoleLogger;
    this.maxTries = Math.max(1, options.maxTries ?? 3);
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /**
   * Throws LmsInitializeError when the LMS says no; Initialize is called at most once. With `already`, an
   * "already initialised" refusal opens the connection when the probe element can still be read.
   */
  initialize(already?: AlreadyInitialized): void {
    if (this.state !== 'new') {
      if (this.state === 'open') return;
      throw new LmsInitializeError('');
    }
    const outcome = this.invoke(() => this.calls.initialize());
    if (outcome.ok && outcome.value === 'true') {
      this.state = 'open';
      return;
    }
    const failure = this.describe(outcome);
    if (outcome.ok && already && failure.code === already.code && this.answers(already)) {
      this.log.warn('Initialize said the session is already open; using it', { ...failure });
      this.state = 'open';
      return;
    }
    this.state = 'closed';
    this.log.warn('Initialize failed', { ...failure });
    throw new LmsInitializeError(failure.code);
  }

  /**
   * The probe reads as a word of its vocabulary, with no new error: "0", or still the "already initialised"
   * code, which some runtimes leave standing after a successful GetValue (scorm-again 3.4.3 in 2004).
   * Before Initialize an LMS answers "" with 301 (1.2) or 122 (2004).
   */
  private answers(already: AlreadyInitialized): boolean {
    const read = this.invoke(() => this.calls.getValue(already.probe));
    if (!read.ok || !already.values.includes(read.value)) return false;
    const code = this.ask(() => this.calls.getLastError());
    return code === '0' || code === already.code;
  }

  /**
   * Registers writes to make before each Commit and Terminate, after the refused ones are retried: `write`
   * makes them and returns the status to show while some are still not accepted (null when none are).
   */
  beforeSave(write: WaitingWrites): void {
    this.waiting.push(write);
  }

  /** The element's value, or "" when unset, unreadable or the session is not open. */
  get(element: string): string {
    if (!this.isOpen) return '';
    const outcome = this.invoke(() => this.calls.getValue(element));
    return outcome.ok ? outcome.value : '';
  }

  /**
   * True when the LMS accepted the value. A refused value is reported, then written again before each Commit
   * and Terminate until the LMS takes it (or a later `set` of the same element replaces it).
   */
  set(element: string, value: string): boolean {
    const refusal = this.trySet(element, value);
    if (refusal !== null) this.refused.set(element, { value, status: refusal });
    return refusal === null;
  }

  /**
   * Writes once, without the retries `set` arranges: for writes whose element depends on what was accepted
   * before (an interaction's index). Null when the LMS accepted the value, else the error status reported.
   */
  trySet(element: string, value: string): LmsStatus | null {
    if (!this.isOpen) return { kind: 'error', operation: 'write', message: `${element}: not open`, code: '' };
    const outcome = this.invoke(() => this.calls.setValue(element, value));
    if (outcome.ok && outcome.value === 'true') {
      this.unsaved.set(element, value);
      this.stale.delete(element);
      this.refused.delete(element);
      return null;
    }
    const failure = this.describe(outcome);
    this.log.warn(`SetValue ${element} refused`, { value, ...failure });
    const status: LmsStatus = {
      kind: 'error',
      operation: 'write',
      message: `${element}: ${failure.message}`,
      code: failure.code,
    };
    this.emit(status);
    return status;
  }

  /**
   * True when the LMS stored everything written so far (or nothing was waiting); false while a refused value
   * is still not accepted, even when the Commit itself went through.
   */
  commit(): boolean {
    if (!this.isOpen) return false;
    const held = this.writeWaiting();
    if (this.unsaved.size === 0) return held === null;
    return this.save('commit', () => this.calls.commit(), this.maxTries, held);
  }

  /** Ends the session with one Terminate; returns whether the LMS confirmed it. */
  terminate(): boolean {
    if (!this.isOpen) return false;
    const held = this.writeWaiting();
    this.state = 'closed';
    return this.save('terminate', () => this.calls.terminate(), 1, held);
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Commit or Terminate, `tries` times at most. "saved" only when nothing refused is still `held` back. */
  private save(
    operation: 'commit' | 'terminate',
    call: () => string,
    tries: number,
    held: LmsStatus | null,
  ): boolean {
    let failure: Failure = { code: '', message: '', diagnostic: '' };
    for (let attempt = 1; attempt <= tries; attempt++) {
      const outcome = this.invoke(call);
      if (outcome.ok && outcome.value === 'true') {
        this.unsaved.clear();
        this.stale.clear();
        this.emit(held ?? { kind: 'saved' });
        return held === null;
      }
      failure = this.describe(outcome);
      this.log.warn(`${operation} failed (try ${attempt} of ${tries})`, { ...failure });
    }
    for (const [element, value] of this.unsaved) this.stale.set(element, value);
    this.emit({
      kind: 'error',
      operation,
      message: `${operation} failed: ${failure.message || 'no reason given'}`,
      code: failure.code,
    });
    return false;
  }

  /**
   * Before a Commit or Terminate: what a failed save should have stored, the refused values, then the
   * registered `beforeSave` writes. Returns the status of the first write still not accepted, or null.
   */
  private writeWaiting(): LmsStatus | null {
    this.resendStale();
    for (const [element, { value }] of [...this.refused]) {
      const outcome = this.invoke(() => this.calls.setValue(element, value));
      if (outcome.ok && outcome.value === 'true') {
        this.refused.delete(element);
        this.unsaved.set(element, value);
        this.stale.delete(element);
      } else {
        this.log.warn(`SetValue ${element} refused again`, { value, ...this.describe(outcome) });
      }
    }
    let held: LmsStatus | null = null;
    for (const write of this.waiting) held = write() ?? held;
    return this.refused.values().next().value?.status ?? held;
  }

  /** After a failed save, writes again what that save should have stored. */
  private resendStale(): void {
    for (const [element, value] of this.stale) {
      const outcome = this.invoke(() => this.calls.setValue(element, value));
      if (!(outcome.ok && outcome.value === 'true')) {
        this.log.warn(`SetValue ${element} refused on resend`, { value, ...this.describe(outcome) });
      }
    }
  }

  private invoke(call: () => string): Outcome {
    try {
      return { ok: true, value: String(call()) };
    } catch (thrown) {
      return { ok: false, thrown };
    }
  }

  private describe(outcome: Outcome): Failure {
    if (!outcome.ok) {
      const message = outcome.thrown instanceof Error ? outcome.thrown.message : String(outcome.thrown);
      return { code: '', message: `threw: ${message}`, diagnostic: '' };
    }
    const code = this.ask(() => this.calls.getLastError());
    return {
      code,
      message: this.ask(() => this.calls.getErrorString(code)),
      diagnostic: this.ask(() => this.calls.getDiagnostic(code)),
    };
  }

  private ask(call: () => string): string {
    const outcome = this.invoke(call);
    return outcome.ok ? outcome.value : '';
  }

  private emit(status: LmsStatus): void {
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.log.warn('a status listener threw', { error });
      }
    }
  }
}
