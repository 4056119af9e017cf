/**
 * The cmi5 session: the port's verbs as xAPI statements and one progress document, through an outbox that
 * keeps them until the LRS has them (xapi-outbox.ts). Opened by cmi5-open-session.ts once the launch has been
 * read (auth token, LMS.LaunchData, learner preferences, the saved place), so every verb here is synchronous
 * and never blocks on the network, like the SCORM sessions.
 *
 * Order (cmi5 §9.3): initialized at start; one "answered" statement per decision; completed, then passed or
 * failed, when the scenario ends, as gpb:statusReporting says (cmi5-reporting.ts); terminated at the end.
 * Review and browse launches (LaunchData.launchMode) send initialized and terminated only: no decision, no
 * result, no progress, nothing that changes the recorded result.
 */

import type { ProgressState } from './cmi5-progress-state.ts';
import { cmi5FinishVerbs } from './cmi5-reporting.ts';
import {
  type Cmi5DefinedVerb,
  type Cmi5StatementFacts,
  cmi5DefinedStatement,
  cmi5VerbOf,
  decisionStatement,
  inSession,
} from './cmi5-statements.ts';
import type { LmsLogger } from './lms-logger.ts';
import type {
  DecisionRecord,
  FinalResult,
  LaunchInfo,
  LessonMode,
  LmsSession,
  LmsStatus,
  ProgressSnapshot,
  ReflectionSaved,
} from './lms-port.ts';
import { DEFAULT_REPORTING, type ReportingSettings, reportedStatus } from './status-reporting.ts';
import type { OutboxEntry, XapiOutbox } from './xapi-outbox.ts';

export interface Cmi5SessionSetup {
  readonly facts: Cmi5StatementFacts;
  readonly launchMode: 'Normal' | 'Browse' | 'Review';
  /** The learner's place: the later of the LRS's document and one this browser still had to send. */
  readonly progress: ProgressState | null;
  /** Statements an earlier page of this registration left unsent (none in review or browse). */
  readonly leftovers: readonly OutboxEntry[];
  readonly outbox: XapiOutbox;
  readonly sessionId: string;
  readonly reporting?: ReportingSettings | undefined;
  readonly now: () => number;
  readonly uuid: () => string;
  readonly log: LmsLogger;
}

export class Cmi5Session implements LmsSession {
  private launch: LaunchInfo | null = null;
  private progress: ProgressState;
  private startedAt = 0;
  private finished = false;
  private ended = false;
  private readonly reporting: ReportingSettings;

  constructor(private readonly setup: Cmi5SessionSetup) {
    this.reporting = setup.reporting ?? DEFAULT_REPORTING;
    this.progress = setup.progress ?? {
      at: 0,
      location: '',
      suspendData: '',
      reflection: '',
      status: { completion: 'not attempted', success: 'unknown' },
    };
  }

  start(): LaunchInfo {
    if (this.launch) return this.launch;
    const { facts, launchMode } = this.setup;
    this.startedAt = this.setup.now();
    const mode = launchMode.toLowerCase() as LessonMode;
    const reviewing = mode !== 'normal';
    this.launch = {
      standard: 'cmi5',
      recording: true,
      reviewing,
      entry: this.progress.suspendData === '' ? 'ab-initio' : 'resume',
      mode,
      credit: !reviewing,
      learnerName: facts.actor.name?.trim() || null,
      masteryScore: facts.masteryScore,
      location: this.progress.location,
      suspendData: this.progress.suspendData,
      reflection: this.progress.reflection,
      previousStatus: this.progress.status,
      notice: null,
    };
    this.send('initialized');
    this.resendLeftovers();
    if (!reviewing && this.progress.status.completion === 'not attempted')
      this.progress = { ...this.progress, status: { completion: 'incomplete', success: 'unknown' } };
    this.setup.outbox.flush();
    return this.launch;
  }

  recordDecision(decision: DecisionRecord): void {
    if (!this.writable()) return;
    const statement = decisionStatement(this.setup.facts, decision, this.setup.uuid());
    if (statement) this.setup.outbox.add(statement);
    else this.setup.log.warn(`decision ${decision.interactionId} has no detail to report; not sent`);
  }

  saveProgress(progress: ProgressSnapshot): void {
    if (!this.writable()) return;
    this.keep({ location: progress.location, suspendData: progress.suspendData });
  }

  finish(result: FinalResult): void {
    if (!this.writable() || this.finished) return;
    this.finished = true;
    const before = this.progress.status;
    // cmi5 allows one completed and one passed per registration (§9.3.0.0-6/-7): a later try sends neither again.
    const verbs = cmi5FinishVerbs(this.reporting.statusReporting, result.passed).filter((verb) =>
      verb === 'completed' ? before.completion !== 'completed' : before.success !== 'passed',
    );
    for (const verb of verbs)
      this.send(verb, verb === 'completed' ? undefined : { scaled: result.scaled, raw: result.scoreRaw });
    const status = reportedStatus(this.reporting.statusReporting, result.passed);
    this.keep({
      status: {
        completion: before.completion === 'completed' ? 'completed' : status.completion,
        success: before.success === 'passed' ? 'passed' : status.success,
      },
    });
    this.setup.outbox.flush();
  }

  saveReflection(text: string): ReflectionSaved {
    if (!this.writable()) return { stored: false, truncated: false };
    this.keep({ reflection: text });
    return { stored: true, truncated: false };
  }

  /** Sends what waits; true because nothing blocks here: the outcome is reported through onStatus. */
  commit(): boolean {
    if (!this.ended) this.setup.outbox.flush();
    return true;
  }

  terminate(): void {
    if (this.ended || !this.launch) return;
    this.send('terminated');
    this.ended = true;
    this.setup.outbox.close();
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    return this.setup.outbox.onStatus(listener);
  }

  private writable(): boolean {
    return this.launch !== null && !this.launch.reviewing && !this.ended;
  }

  private keep(change: Partial<ProgressState>): void {
    this.progress = { ...this.progress, ...change, at: this.setup.now() };
    this.setup.outbox.setState(this.progress);
  }

  private send(verb: Cmi5DefinedVerb, score?: { scaled: number; raw: number }): void {
    const options = {
      id: this.setup.uuid(),
      at: this.setup.now(),
      durationMs: this.setup.now() - this.startedAt,
      ...(score ? { score } : {}),
    };
    this.setup.outbox.add(cmi5DefinedStatement(this.setup.facts, verb, options));
  }

  /**
   * Statements an earlier page of this registration made but may not have delivered, sent in this session's
   * context after its initialized: decisions, completed, passed and failed. That session's initialized and
   * terminated belong to it alone and are dropped (the LMS ends an abandoned session itself, cmi5 §9.3.6).
   */
  private resendLeftovers(): void {
    for (const entry of this.setup.leftovers) {
      const verb = cmi5VerbOf(entry.statement);
      if (verb === 'initialized' || verb === 'terminated') continue;
      this.setup.outbox.add(inSession(entry.statement, this.setup.facts), entry.uncertain);
    }
  }
}
