/**
 * The LMS as the app sees it: a session in domain verbs. Four adapters implement it (SCORM 1.2, SCORM 2004,
 * cmi5, standalone); `openLmsSession` picks a SCORM one or standalone, `openCmi5Session` the cmi5 one. No verb throws and none blocks on the learner: failures are logged
 * and reported through `onStatus`, and the learner carries on.
 */

export type LessonMode = 'normal' | 'review' | 'browse';

/** What the LMS holds from earlier sessions, in SCORM 2004's two dimensions (1.2's one status is mapped). */
export interface PreviousStatus {
  readonly completion: 'not attempted' | 'incomplete' | 'completed' | 'unknown';
  readonly success: 'passed' | 'failed' | 'unknown';
}

export interface LaunchInfo {
  readonly standard: 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone';
  /** False when nothing reaches an LMS: the UI says "nothing is being recorded". */
  readonly recording: boolean;
  /** Review, browse or no-credit: the session writes nothing that could change the recorded result. */
  readonly reviewing: boolean;
  /** `resume` only when the previous session ended suspended; the data below may be present either way. */
  readonly entry: 'ab-initio' | 'resume' | '';
  readonly mode: LessonMode;
  readonly credit: boolean;
  /** "Forename Surname", or null when the LMS gives none. */
  readonly learnerName: string | null;
  /** Pass mark set in the LMS as a share 0–1; null when it sets none (the scenario's own applies). */
  readonly masteryScore: number | null;
  /** Bookmark from the last session ("" when none). */
  readonly location: string;
  /** suspend_data from the last session ("" when none); decode with `decodeProgress`. */
  readonly suspendData: string;
  /** The learner's last saved reflection ("" when none). */
  readonly reflection: string;
  readonly previousStatus: PreviousStatus;
  /**
   * Why this session records nothing although an LMS was found, null otherwise: a reason, which the app tells
   * the learner in the learner's words (src/app/module-runtime.ts).
   */
  readonly notice: LaunchNotice | null;
}

/** The LMS refused Initialize, so the module runs standalone. */
export type LaunchNotice = 'initialize-refused';

export interface DecisionRecord {
  /** Decision node id, e.g. `stage2_facebook_message`. */
  readonly interactionId: string;
  /** Plain text (≤ 250 characters kept) for the LMS report; SCORM 2004 only. */
  readonly description: string;
  /** Id of the choice taken. */
  readonly responseId: string;
  /** Id of the recommended choice. */
  readonly correctResponseId: string;
  readonly result: 'correct' | 'wrong' | 'neutral';
  readonly weighting: number;
  /** Time from showing the decision to the choice. */
  readonly latencyMs: number;
  /** Epoch ms of the choice. */
  readonly timestamp: number;
  readonly objectiveIds?: readonly string[];
  /** What cmi5 reports beyond SCORM's interaction fields; SCORM sessions ignore it. */
  readonly detail?: DecisionDetail;
}

/** A decision in words and points, for the cmi5 statement that records it (cmi5-statements.ts). */
export interface DecisionDetail {
  /** The decision's title, the activity's name. */
  readonly title: string;
  readonly choiceClass: 'recommended' | 'acceptable' | 'poor';
  /** The choice's points, and the lowest and highest any choice of this decision scores. */
  readonly points: number;
  readonly minPoints: number;
  readonly maxPoints: number;
  readonly pointsByPrinciple: Readonly<Record<string, number>>;
  /** Every choice of the decision, in the order shown, in a few words each. */
  readonly choices: readonly { readonly id: string; readonly text: string }[];
}

export interface ProgressSnapshot {
  /** Bookmark: ≤ 255 characters (SCORM 1.2 CMIString256). */
  readonly location: string;
  /** Encoded progress (`encodeProgress`): ≤ 4096 characters (SCORM 1.2 CMIString4096). */
  readonly suspendData: string;
}

export interface ObjectiveResult {
  readonly id: string;
  readonly description: string;
  readonly raw: number;
  readonly max: number;
  readonly passed: boolean;
}

export interface FinalResult {
  /** Percent, 0–100: Moodle grades from score.raw alone (scorm-notes §8). */
  readonly scoreRaw: number;
  /** Share, 0–1. */
  readonly scaled: number;
  readonly passed: boolean;
  readonly objectives: readonly ObjectiveResult[];
}

export interface ReflectionSaved {
  /** False when nothing was written (review mode, ended session, or the LMS refused it). */
  readonly stored: boolean;
  /** True when the text was longer than the element holds and only its beginning was kept. */
  readonly truncated: boolean;
}

/**
 * `saved`: a Commit or Terminate stored everything written so far. `error`: something was not stored; a
 * refused write is reported again after each save until the LMS accepts it, so the error stands until then.
 */
export type LmsStatus =
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'error';
      readonly operation: 'commit' | 'terminate' | 'write';
      readonly message: string;
      /** The LMS's error code (GetLastError): "" when the call threw, "0" when the LMS refused without one. */
      readonly code: string;
    };

export interface LmsSession {
  /** Opens the session and reads what the LMS knows. Call once; later calls return the same info. */
  start(): LaunchInfo;
  /** Records one decision as one interaction. Nothing is sent in review. */
  recordDecision(decision: DecisionRecord): void;
  /** Bookmark and suspend data; the attempt stays open (exit = suspend) until `finish`. */
  saveProgress(progress: ProgressSnapshot): void;
  /** Score, status and objectives, sent once the scenario is over (and never before: scorm-notes §8). */
  finish(result: FinalResult): void;
  saveReflection(text: string): ReflectionSaved;
  /** Asks the LMS to store what was sent; true when it did (or nothing was waiting). */
  commit(): boolean;
  /** Ends the session; only the first call reaches the LMS, and nothing is sent afterwards. */
  terminate(): void;
  /** Listens for saved / error; returns a function that stops listening. */
  onStatus(listener: (status: LmsStatus) => void): () => void;
}
