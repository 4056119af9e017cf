/**
 * No LMS: the module still works, keeps the learner's place in this browser's localStorage (one key per module)
 * and says `recording: false` so the UI can tell the learner nothing is being recorded. Storage may be missing
 * or refuse access (a sandboxed iframe throws SecurityError just for reading `localStorage`; a full quota
 * throws on write), so every access is guarded and the session never throws.
 */
import type {
  FinalResult,
  LaunchInfo,
  LaunchNotice,
  LmsSession,
  LmsStatus,
  PreviousStatus,
  ProgressSnapshot,
  ReflectionSaved,
} from './lms-port.ts';

export interface StandaloneOptions {
  readonly moduleId: string;
  /** Where to keep progress; null or a throwing getter means nowhere (progress lasts as long as the page). */
  readonly storage: () => Storage | null;
  /** Why the LMS could not be used, told to the learner; null for a plain standalone launch. */
  readonly notice?: LaunchNotice | null;
}

interface StoredProgress {
  readonly location: string;
  readonly suspendData: string;
  readonly reflection: string;
  readonly status: PreviousStatus;
}

const EMPTY: StoredProgress = {
  location: '',
  suspendData: '',
  reflection: '',
  status: { completion: 'not attempted', success: 'unknown' },
};

export function standaloneStorageKey(moduleId: string): string {
  return `lms-standalone:${moduleId}`;
}

/** localStorage of `win`, or null where reading it throws (sandboxed frames, disabled storage). */
export function storageOf(win: Window): () => Storage | null {
  return () => {
    try {
      return win.localStorage ?? null;
    } catch {
      return null;
    }
  };
}

/**
 * Removes the learner's place kept in this browser for `moduleId` (progress, reflection, status), for a
 * restart. End the session first (`terminate`), or its next save writes the place back. False when the
 * storage refused; true when it is gone, or there was no storage to keep it in.
 */
export function forgetStandaloneProgress(storage: () => Storage | null, moduleId: string): boolean {
  try {
    storage()?.removeItem(standaloneStorageKey(moduleId));
    return true;
  } catch {
    return false;
  }
}

export class StandaloneSession implements LmsSession {
  private readonly key: string;
  private launch: LaunchInfo | null = null;
  private progress: StoredProgress = EMPTY;
  private ended = false;

  constructor(private readonly options: StandaloneOptions) {
    this.key = standaloneStorageKey(options.moduleId);
  }

  start(): LaunchInfo {
    if (this.launch) return this.launch;
    const stored = this.read();
    this.progress = stored ?? EMPTY;
    this.launch = {
      standard: 'standalone',
      recording: false,
      reviewing: false,
      entry: stored ? 'resume' : 'ab-initio',
      mode: 'normal',
      credit: false,
      learnerName: null,
      masteryScore: null,
      location: this.progress.location,
      suspendData: this.progress.suspendData,
      reflection: this.progress.reflection,
      previousStatus: this.progress.status,
      notice: this.options.notice ?? null,
    };
    if (!stored) this.update({ status: { completion: 'incomplete', success: 'unknown' } });
    return this.launch;
  }

  /** Decisions live in the suspend data's steps; there is no report to send them to. */
  recordDecision(): void {}

  saveProgress(progress: ProgressSnapshot): void {
    this.update({ location: progress.location, suspendData: progress.suspendData });
  }

  finish(result: FinalResult): void {
    this.update({ status: { completion: 'completed', success: result.passed ? 'passed' : 'failed' } });
  }

  saveReflection(text: string): ReflectionSaved {
    if (!this.launch || this.ended) return { stored: false, truncated: false };
    return { stored: this.update({ reflection: text }), truncated: false };
  }

  commit(): boolean {
    return true;
  }

  terminate(): void {
    this.ended = true;
  }

  /** Nothing is sent anywhere, so there is no status to report. */
  onStatus(_listener: (status: LmsStatus) => void): () => void {
    return () => {};
  }

  private update(change: Partial<StoredProgress>): boolean {
    if (!this.launch || this.ended) return false;
    this.progress = { ...this.progress, ...change };
    try {
      const storage = this.options.storage();
      storage?.setItem(this.key, JSON.stringify({ v: 1, ...this.progress }));
      return storage !== null;
    } catch {
      return false;
    }
  }

  private read(): StoredProgress | null {
    try {
      const raw = this.options.storage()?.getItem(this.key);
      if (!raw) return null;
      return parseStored(JSON.parse(raw));
    } catch {
      return null;
    }
  }
}

function parseStored(value: unknown): StoredProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const status = record.status as Record<string, unknown> | undefined;
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  if (record.v !== 1) return null;
  return {
    location: text(record.location),
    suspendData: text(record.suspendData),
    reflection: text(record.reflection),
    status: {
      completion:
        status?.completion === 'completed' || status?.completion === 'incomplete'
          ? status.completion
          : 'not attempted',
      success: status?.success === 'passed' || status?.success === 'failed' ? status.success : 'unknown',
    },
  };
}
