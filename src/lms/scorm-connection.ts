/**
 * The thin, careful layer over an LMS API object. Every call is wrapped: a "false" return or a thrown error is
 * logged with GetLastError / GetErrorString / GetDiagnostic and reported, never thrown at the learner.
 *
 * - Commit and Terminate are retried (3 tries by default): Moodle returns "false" with error 101 when its AJAX
 *   store fails (scorm-notes §5), which a second try often gets through.
 * - Values written since the last successful Commit are kept; after a failed Commit they are written again
 *   before the next Commit or Terminate, so a flaky LMS loses nothing that a later save can still deliver.
 * - Terminate happens at most once, and nothing reaches the API after it (SCORM 2004 RTE 3.1.3.2: calls after
 *   Terminate are errors 123/133/143).
 */
import type { LmsStatus } from './lms-port.ts';
import type { ScormCalls } from './scorm-api.ts';

export interface LmsLogger {
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
}

export const consoleLogger: LmsLogger = {
  warn: (message, details) => console.warn(`[LMS] ${message}`, details ?? ''),
};

export interface ConnectionOptions {
  readonly log?: LmsLogger;
  /** Tries per Commit / Terminate, at least 1. */
  readonly maxTries?: number;
}

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

  /** Throws LmsInitializeError when the LMS says no; Initialize is called at most once. */
  initialize(): void {
    if (this.state !== 'new') {
      if (this.state === 'open') return;
      throw new LmsInitializeError('');
    }
    const outcome = this.invoke(() => this.calls.initialize());
    if (outcome.ok && outcome.value === 'true') {
      this.state = 'open';
      return;
    }
    this.state = 'closed';
    const failure = this.describe(outcome);
    this.log.warn('Initialize failed', { ...failure });
    throw new LmsInitializeError(failure.code);
  }

  /** The element's value, or "" when unset, unreadable or the session is not open. */
  get(element: string): string {
    if (!this.isOpen) return '';
    const outcome = this.invoke(() => this.calls.getValue(element));
    return outcome.ok ? outcome.value : '';
  }

  /** True when the LMS accepted the value. */
  set(element: string, value: string): boolean {
    if (!this.isOpen) return false;
    const outcome = this.invoke(() => this.calls.setValue(element, value));
    if (outcome.ok && outcome.value === 'true') {
      this.unsaved.set(element, value);
      this.stale.delete(element);
      return true;
    }
    const failure = this.describe(outcome);
    this.log.warn(`SetValue ${element} refused`, { value, ...failure });
    this.emit({
      kind: 'error',
      operation: 'write',
      message: `${element}: ${failure.message}`,
      code: failure.code,
    });
    return false;
  }

  /** True when the LMS stored everything (or nothing was waiting). */
  commit(): boolean {
    if (!this.isOpen) return false;
    if (this.unsaved.size === 0) return true;
    this.resendStale();
    return this.withRetries('commit', () => this.calls.commit());
  }

  /** Ends the session once; returns whether the LMS confirmed it. */
  terminate(): boolean {
    if (!this.isOpen) return false;
    this.resendStale();
    this.state = 'closed';
    return this.withRetries('terminate', () => this.calls.terminate());
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private withRetries(operation: 'commit' | 'terminate', call: () => string): boolean {
    let failure: Failure = { code: '', message: '', diagnostic: '' };
    for (let attempt = 1; attempt <= this.maxTries; attempt++) {
      const outcome = this.invoke(call);
      if (outcome.ok && outcome.value === 'true') {
        this.unsaved.clear();
        this.stale.clear();
        this.emit({ kind: 'saved' });
        return true;
      }
      failure = this.describe(outcome);
      this.log.warn(`${operation} failed (try ${attempt} of ${this.maxTries})`, { ...failure });
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
