/**
 * Chooses the session for this launch: SCORM 2004 or 1.2 when an LMS API is found, standalone otherwise, and
 * standalone too, with a notice, when the LMS refuses Initialize. What the app gets never throws.
 */
import { type FindLmsApiOptions, findLmsApi } from './find-lms-api.ts';
import type {
  DecisionRecord,
  FinalResult,
  LaunchInfo,
  LaunchNotice,
  LmsSession,
  LmsStatus,
  ProgressSnapshot,
  ReflectionSaved,
} from './lms-port.ts';
import { LmsInitializeError } from './scorm-connection.ts';
import type { ScormSessionOptions } from './scorm-session.ts';
import { createScorm12Session } from './scorm12-session.ts';
import { createScorm2004Session } from './scorm2004-session.ts';
import { StandaloneSession, storageOf } from './standalone-session.ts';

export interface OpenLmsSessionOptions extends ScormSessionOptions, FindLmsApiOptions {
  /** The window the module runs in; the API search starts here. */
  readonly win: Window;
  /** Names the standalone localStorage key, e.g. the scenario id. */
  readonly moduleId: string;
}

export const INITIALIZE_REFUSED_NOTICE: LaunchNotice = 'initialize-refused';

/** A standalone run that tells the learner the learning platform did not accept the session. */
export function refusedLaunchSession(win: Window, moduleId: string): LmsSession {
  return new StandaloneSession({ moduleId, storage: storageOf(win), notice: INITIALIZE_REFUSED_NOTICE });
}

export function openLmsSession(options: OpenLmsSessionOptions): LmsSession {
  const standalone = () =>
    new StandaloneSession({ moduleId: options.moduleId, storage: storageOf(options.win) });
  const found = findLmsApi(options.win, options);
  if (found === null) return standalone();
  const session =
    found.standard === 'scorm2004'
      ? createScorm2004Session(found.api, options)
      : createScorm12Session(found.api, options);
  return new FallbackSession(session, () => refusedLaunchSession(options.win, options.moduleId));
}

/** Delegates to the SCORM session, or to a standalone one from `start()` on if Initialize is refused. */
class FallbackSession implements LmsSession {
  private current: LmsSession;
  private readonly listeners = new Set<(status: LmsStatus) => void>();

  constructor(
    primary: LmsSession,
    private readonly fallback: () => LmsSession,
  ) {
    this.current = primary;
    primary.onStatus((status) => {
      for (const listener of this.listeners) listener(status);
    });
  }

  start(): LaunchInfo {
    try {
      return this.current.start();
    } catch (error) {
      if (!(error instanceof LmsInitializeError)) throw error;
      this.current = this.fallback();
      return this.current.start();
    }
  }

  recordDecision(decision: DecisionRecord): void {
    this.current.recordDecision(decision);
  }

  saveProgress(progress: ProgressSnapshot): void {
    this.current.saveProgress(progress);
  }

  finish(result: FinalResult): void {
    this.current.finish(result);
  }

  saveReflection(text: string): ReflectionSaved {
    return this.current.saveReflection(text);
  }

  commit(): boolean {
    return this.current.commit();
  }

  terminate(): void {
    this.current.terminate();
  }

  onStatus(listener: (status: LmsStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
