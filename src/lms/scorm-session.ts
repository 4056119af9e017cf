/**
 * One SCORM session, whichever the standard: the order of things (Initialize, read, write, Commit,
 * Terminate), review mode, the bookmark's limits and exit handling. What each verb writes comes from a
 * `CmiDialect` (`scorm12-session.ts`, `scorm2004-session.ts`): pure mapping from domain data to CMI elements.
 */

import { ALREADY_INITIALIZED } from './already-initialized.ts';
import { consoleLogger, type LmsLogger } from './lms-logger.ts';
import type {
  DecisionRecord,
  FinalResult,
  LaunchInfo,
  LmsSession,
  LmsStatus,
  ProgressSnapshot,
  ReflectionSaved,
} from './lms-port.ts';
import type { ScormCalls, ScormStandard } from './scorm-api.ts';
import { type ConnectionOptions, ScormConnection } from './scorm-connection.ts';
import {
  DEFAULT_REPORTING,
  type ReportedStatus,
  type ReportingSettings,
  reportedStatus,
} from './status-reporting.ts';

export type CmiWrite = readonly [element: string, value: string];

/** What a dialect reads at launch: the learner-facing part of LaunchInfo plus the array counts. */
export interface LaunchReadout
  extends Pick<
    LaunchInfo,
    | 'entry'
    | 'mode'
    | 'credit'
    | 'learnerName'
    | 'masteryScore'
    | 'location'
    | 'suspendData'
    | 'reflection'
    | 'previousStatus'
  > {
  readonly interactionCount: number;
  readonly objectiveCount: number;
  readonly commentCount: number;
}

export interface CmiDialect {
  readonly standard: ScormStandard;
  readonly locationElement: string;
  readonly suspendDataElement: string;
  readonly exitElement: string;
  /** Longest bookmark / suspend data the standard promises to keep (SPM). */
  readonly locationLimit: number;
  readonly suspendDataLimit: number;
  /** Exit value that ends the attempt once the scenario is finished (a fail that leaves it open sends suspend). */
  exitWhenFinished(reporting: ReportingSettings): string;
  /** `warn` notes a value the LMS gave that the standard does not allow (and that is then ignored). */
  readLaunch(get: (element: string) => string, warn: (message: string) => void): LaunchReadout;
  /** Marks a first launch as started; empty on later launches. */
  startWrites(launch: LaunchReadout): CmiWrite[];
  /** Values a strict LMS (Moodle) would refuse; the session logs them and sends anyway. */
  checkDecision(decision: DecisionRecord): string[];
  /** The interaction's writes, `id` first. */
  decisionWrites(index: number, decision: DecisionRecord): CmiWrite[];
  objectiveIdElement(index: number): string;
  /** Score, objectives and the status `status` (status-reporting.ts) says. */
  finishWrites(
    result: FinalResult,
    objectiveIndex: (id: string) => { index: number; isNew: boolean },
    status: ReportedStatus,
  ): CmiWrite[];
  reflectionWrites(
    text: string,
    slot: { index: number; isNew: boolean },
    at: number,
  ): { writes: CmiWrite[]; truncated: boolean };
  sessionTimeWrite(ms: number): CmiWrite;
}

export interface ScormSessionOptions extends ConnectionOptions {
  /** Clock for session time and comment timestamps; Date.now by default. */
  readonly now?: () => number;
  /** How a finished attempt is reported (imsmanifest.xml); DEFAULT_REPORTING when not given. */
  readonly reporting?: ReportingSettings | undefined;
  /**
   * Runs the Commit of the launch's writes (status, exit = suspend). By default at once, inside `start()`; the
   * app passes `afterNextPaint`, because an LMS's Commit is often a synchronous request (600 ms on a slow line)
   * that would otherwise hold back the first screen. A page closed sooner still commits (page-lifecycle.ts).
   */
  readonly launchCommit?: ((commit: () => void) => void) | undefined;
}

export class ScormSession implements LmsSession {
  private readonly connection: ScormConnection;
  private readonly now: () => number;
  private readonly log: LmsLogger;
  private readonly reporting: ReportingSettings;
  private readonly launchCommit: (commit: () => void) => void;
  private launch: LaunchInfo | null = null;
  private startedAt = 0;
  /** Interactions the LMS holds: the index the next decision's `id` goes to. */
  private nextInteraction = 0;
  /** Decisions whose `id` the LMS refused, oldest first: tried again, in order, before each save. */
  private unwritten: { readonly decision: DecisionRecord; readonly refusal: LmsStatus }[] = [];
  private objectiveCount = 0;
  private commentCount = 0;
  private reflectionIndex: number | null = null;
  private finished = false;
  private exitWritten: string | null = null;
  private readonly written = new Map<string, string>();

  constructor(
    private readonly dialect: CmiDialect,
    calls: ScormCalls,
    options: ScormSessionOptions = {},
  ) {
    this.connection = new ScormConnection(calls, options);
    this.connection.beforeSave(() => this.writeDecisions([]));
    this.now = options.now ?? Date.now;
    this.log = options.log ?? consoleLogger;
    this.reporting = options.reporting ?? DEFAULT_REPORTING;
    this.launchCommit = options.launchCommit ?? ((commit) => commit());
  }

  /** Throws LmsInitializeError when the LMS refuses Initialize (`openLmsSession` falls back to standalone). */
  start(): LaunchInfo {
    if (this.launch) return this.launch;
    this.connection.initialize(ALREADY_INITIALIZED[this.dialect.standard]);
    const readout = this.dialect.readLaunch(
      (element) => this.connection.get(element),
      (message) => this.log.warn(message),
    );
    this.startedAt = this.now();
    this.nextInteraction = readout.interactionCount;
    this.objectiveCount = readout.objectiveCount;
    this.commentCount = readout.commentCount;
    // SCORM 1.2 RTE 3.4.4 / 2004 RTE 4.2.4: review, browse and no-credit sessions must not change the
    // recorded result; Moodle saves whatever is written in review anyway (scorm-notes §8), so write nothing.
    const reviewing = readout.mode !== 'normal' || !readout.credit;
    const { interactionCount: _i, objectiveCount: _o, commentCount: _c, ...visible } = readout;
    this.launch = { standard: this.dialect.standard, recording: true, reviewing, notice: null, ...visible };
    if (!reviewing) {
      this.apply(this.dialect.startWrites(readout));
      // Suspend from the start, so an attempt left at any point resumes; `finish` ends it (scorm-notes §7.8).
      this.writeExit('suspend');
      this.launchCommit(() => {
        if (this.connection.isOpen) this.connection.commit();
      });
    }
    return this.launch;
  }

  recordDecision(decision: DecisionRecord): void {
    if (!this.writable()) return;
    for (const problem of this.dialect.checkDecision(decision)) {
      this.log.warn(`interaction ${decision.interactionId}: ${problem}`);
    }
    this.writeDecisions([decision]);
  }

  /**
   * Writes the decisions still waiting, then `decisions`, each at the next free index: indexes stay
   * sequential (2004 refuses a gap with 351, and 1.2, whose interactions are write-only, is counted here).
   * A decision whose `id` is refused writes nothing else (2004 needs the id first, 408) and waits for the next
   * try; the ones after it go on. Returns the refusal to show while one still waits, else null.
   */
  private writeDecisions(decisions: readonly DecisionRecord[]): LmsStatus | null {
    if (!this.writable()) return null;
    const queue = [...this.unwritten.map((entry) => entry.decision), ...decisions];
    this.unwritten = [];
    for (const decision of queue) {
      const [id, ...rest] = this.dialect.decisionWrites(this.nextInteraction, decision);
      if (id === undefined) continue;
      const refusal = this.connection.trySet(...id);
      if (refusal !== null) {
        this.unwritten.push({ decision, refusal });
        continue;
      }
      this.nextInteraction += 1;
      this.apply(rest);
    }
    return this.unwritten[0]?.refusal ?? null;
  }

  saveProgress(progress: ProgressSnapshot): void {
    if (!this.writable()) return;
    this.writeIfChanged(this.dialect.locationElement, progress.location, this.dialect.locationLimit);
    this.writeIfChanged(this.dialect.suspendDataElement, progress.suspendData, this.dialect.suspendDataLimit);
    // Exit "suspend" keeps the attempt open so the next launch resumes (RTE 1.2 3.4.4; 2004 RTE 4.2.8).
    if (!this.finished) this.writeExit('suspend');
  }

  finish(result: FinalResult): void {
    if (!this.writable() || this.finished) return;
    const known = new Map<string, number>();
    for (let index = 0; index < this.objectiveCount; index++) {
      known.set(this.connection.get(this.dialect.objectiveIdElement(index)), index);
    }
    const objectiveIndex = (id: string) => {
      const index = known.get(id);
      if (index !== undefined) return { index, isNew: false };
      known.set(id, this.objectiveCount);
      return { index: this.objectiveCount++, isNew: true };
    };
    const status = reportedStatus(this.reporting.statusReporting, result.passed);
    this.apply(this.dialect.finishWrites(result, objectiveIndex, status));
    this.finished = true;
    // A fail the reporting choice leaves open stays suspended, so the learner's next launch can try again.
    this.writeExit(status.attemptOpen ? 'suspend' : this.dialect.exitWhenFinished(this.reporting));
    this.connection.commit();
  }

  saveReflection(text: string): ReflectionSaved {
    const slot =
      this.reflectionIndex === null
        ? { index: this.commentCount, isNew: true }
        : { index: this.reflectionIndex, isNew: false };
    const { writes, truncated } = this.dialect.reflectionWrites(text, slot, this.now());
    if (!this.writable()) return { stored: false, truncated };
    if (truncated) this.log.warn('reflection shortened to fit the LMS', { length: text.length });
    const [first, ...rest] = writes;
    const stored = first !== undefined && this.connection.set(...first);
    if (stored && slot.isNew) this.reflectionIndex = slot.index;
    return { stored: stored && this.apply(rest), truncated };
  }

  commit(): boolean {
    if (this.launch?.reviewing) return true;
    return this.connection.commit();
  }

  terminate(): void {
    if (!this.connection.isOpen) return;
    // Review and browse send Terminate alone: no session_time, no exit. Moodle's 2004 Terminate stores
    // total_time = AddTime(total_time, session_time), so with none written the attempt's total stays as it was.
    if (this.launch && !this.launch.reviewing) {
      this.apply([this.dialect.sessionTimeWrite(this.now() - this.startedAt)]);
      if (!this.finished) this.writeExit('suspend');
    }
    this.connection.terminate();
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    return this.connection.onStatus(listener);
  }

  private writable(): boolean {
    return this.launch !== null && !this.launch.reviewing && this.connection.isOpen;
  }

  /** True when every write was accepted. */
  private apply(writes: readonly CmiWrite[]): boolean {
    let ok = true;
    for (const [element, value] of writes) ok = this.connection.set(element, value) && ok;
    return ok;
  }

  private writeIfChanged(element: string, value: string, limit: number): void {
    if (this.written.get(element) === value) return;
    if (value.length > limit) {
      // Over the SPM the LMS may refuse or cut it; keep the last good value rather than send a broken one.
      this.log.warn(
        `${element} is ${value.length} characters, over the ${limit} the standard allows; not sent`,
      );
      return;
    }
    if (this.connection.set(element, value)) this.written.set(element, value);
  }

  private writeExit(value: string): void {
    if (this.exitWritten === value) return;
    if (this.connection.set(this.dialect.exitElement, value)) this.exitWritten = value;
  }
}
