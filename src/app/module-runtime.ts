/**
 * The composition root's engine: one scenario actor, one LMS session, and the state the UI renders.
 *
 * - The learner's events go to the actor; its domain events (`decision.made`, `scenario.ended`) are queued
 *   and sent to the LMS only after the next paint, with exactly one Commit per decision (render first,
 *   then commit: a Commit is often a synchronous request to the LMS server).
 * - Progress (steps, screen, time) is written as suspend_data with each decision and when the page is
 *   hidden or closed; on launch it is replayed to the exact node and screen.
 * - Nothing here throws at the learner: unreadable saved data starts afresh with a notice, LMS failures
 *   become notices, and the state in memory is kept for the next commit.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { FindLmsApiOptions } from '../lms/find-lms-api.ts';
import type { DecisionRecord, FinalResult, LaunchInfo, LmsSession, LmsStatus } from '../lms/lms-port.ts';
import { openLmsSession } from '../lms/open-lms-session.ts';
import { attachPageLifecycle } from '../lms/page-lifecycle.ts';
import { forgetStandaloneProgress, storageOf } from '../lms/standalone-session.ts';
import type { ReportingSettings } from '../lms/status-reporting.ts';
import { decodeProgress, encodeProgress } from '../lms/suspend-data.ts';
import { compileScenario, type ScenarioMachine } from '../scenario/compile-machine.ts';
import type { Scenario, ScenarioEvent } from '../scenario/model.ts';
import { replaySteps, stepsOf } from '../scenario/progress.ts';
import { passedFor } from '../scenario/scoring.ts';
import type { Notice, Screen } from '../ui/module-app.tsx';
import { t } from '../ui/ui-text.ts';
import { afterNextPaint } from './after-next-paint.ts';
import { decisionRecordOf, finalResultOf } from './lms-records.ts';
import { locationOf, progressScreenOf, screenOf } from './screen-codes.ts';

export interface RuntimeState {
  readonly snapshot: SnapshotFrom<ScenarioMachine>;
  readonly screen: Screen;
  readonly notices: readonly Notice[];
  readonly reflection: string;
  readonly launch: LaunchInfo;
  readonly passMark: number;
  readonly completedAt: number | null;
}

export interface ModuleRuntime {
  getState(): RuntimeState;
  subscribe(listener: () => void): () => void;
  send(event: ScenarioEvent): void;
  setScreen(screen: Screen): void;
  setReflection(text: string): void;
  /** Seconds spent in the module across sessions, up to now. */
  timeSpentSeconds(): number;
  /**
   * Standalone only: clears the learner's place kept in this browser and reloads the page, which opens on the
   * start screen. Does nothing while an LMS is recording: starting again would overwrite the recorded attempt.
   */
  restart(): void;
}

export interface RuntimeOptions {
  readonly win: Window;
  readonly scenario: Scenario;
  /** Names the browser-storage key when no LMS is found. */
  readonly moduleId: string;
  /** The standards whose API the package may use (`launchPageStandards`); undefined: 2004, then 1.2. */
  readonly standards?: FindLmsApiOptions['standards'];
  /** How a finished attempt is reported (imsmanifest.xml via virtual:module-identity); the defaults if not given. */
  readonly reporting?: ReportingSettings;
  readonly now?: () => number;
  /** A session opened already (the cmi5 package's, which reads its launch first); else a SCORM or standalone one. */
  readonly session?: LmsSession;
}

const REFLECTION_SAVE_DELAY_MS = 1500;

export function createModuleRuntime(options: RuntimeOptions): ModuleRuntime {
  const { win, scenario } = options;
  const now = options.now ?? Date.now;
  const sessionStart = now();
  const session: LmsSession =
    options.session ??
    openLmsSession({
      win,
      moduleId: options.moduleId,
      standards: options.standards,
      reporting: options.reporting,
      now,
      // The launch's Commit (often a synchronous request) waits until the first screen is painted.
      launchCommit: afterNextPaint,
    });
  const launch = session.start();
  const passMark = launch.masteryScore ?? scenario.passMark;
  const machine = compileScenario(scenario, { passMark });

  const notices: Notice[] = [];
  if (!launch.recording)
    notices.push({
      id: 'recording',
      kind: 'info',
      text: t(launch.notice === 'initialize-refused' ? 'noticeInitializeRefused' : 'noticeNotRecording'),
    });

  const restored = restore(machine, launch, sessionStart);
  if (restored.problem) notices.push({ id: 'restore', kind: 'warning', text: t('noticeUnreadableProgress') });
  if (restored.newTry) notices.push({ id: 'new-try', kind: 'info', text: t('noticeNewTry') });

  // xstate ignores `input` when a snapshot is given; its types still ask for it.
  const input = { startedAt: sessionStart };
  const actor = restored.snapshot
    ? createActor(machine, { snapshot: restored.snapshot, input })
    : createActor(machine, { input });
  let state: RuntimeState = {
    snapshot: restored.snapshot ?? actor.getSnapshot(),
    screen: restored.screen,
    notices,
    reflection: launch.reflection,
    launch,
    passMark,
    completedAt: restored.snapshot?.status === 'done' ? sessionStart : null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<RuntimeState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  const timeSpentSeconds = () => restored.elapsedSeconds + Math.round((now() - sessionStart) / 1000);
  const progress = () => ({
    location: locationOf(state.screen, currentNodeId(state.snapshot)),
    suspendData: encodeProgress({
      steps: stepsOf(scenario, state.snapshot.context),
      screen: progressScreenOf(state.screen),
      elapsedSeconds: timeSpentSeconds(),
    }),
  });

  // LMS work waits for the next paint; the decisions (and the result) of one click share one commit. A page
  // closed before that paint still records them: the lifecycle's save runs what is pending first.
  const pendingDecisions: DecisionRecord[] = [];
  let pendingResult: FinalResult | null = null;
  const sendPending = () => {
    if (pendingDecisions.length === 0 && pendingResult === null) return;
    for (const record of pendingDecisions.splice(0)) session.recordDecision(record);
    session.saveProgress(progress());
    const result = pendingResult;
    pendingResult = null;
    // `finish` commits score, status and exit itself, so the ending costs one commit, not two.
    if (result) session.finish(result);
    else session.commit();
  };
  const sendAfterPaint = () => {
    if (pendingDecisions.length + (pendingResult ? 1 : 0) === 1) afterNextPaint(sendPending);
  };

  actor.on('decision.made', ({ answer }) => {
    const record = decisionRecordOf(scenario, answer);
    if (!record) return;
    pendingDecisions.push(record);
    sendAfterPaint();
  });
  actor.on('scenario.ended', ({ scores }) => {
    update({ completedAt: now() });
    pendingResult = finalResultOf(scenario, scores, passMark);
    sendAfterPaint();
  });
  actor.subscribe((snapshot) => update({ snapshot }));
  actor.start();

  session.onStatus((status) => update({ notices: withStatus(state.notices, status) }));

  // The reflection is saved a moment after the learner stops typing, and at once if the page is closing.
  let reflectionTimer: ReturnType<typeof setTimeout> | undefined;
  let unsavedReflection: string | null = null;
  const saveReflection = () => {
    clearTimeout(reflectionTimer);
    if (unsavedReflection === null) return false;
    session.saveReflection(unsavedReflection);
    unsavedReflection = null;
    return true;
  };
  attachPageLifecycle(win, session, () => {
    sendPending();
    saveReflection();
    return progress();
  });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (event) => actor.send(event),
    setScreen: (screen) => update({ screen }),
    setReflection(text) {
      update({ reflection: text });
      unsavedReflection = text;
      clearTimeout(reflectionTimer);
      reflectionTimer = setTimeout(() => {
        if (saveReflection()) session.commit();
      }, REFLECTION_SAVE_DELAY_MS);
    },
    timeSpentSeconds,
    restart() {
      if (launch.recording) return;
      clearTimeout(reflectionTimer);
      unsavedReflection = null;
      pendingDecisions.length = 0;
      pendingResult = null;
      // Ended first, so neither a save still pending nor the page's unload writes the place back.
      session.terminate();
      if (!forgetStandaloneProgress(storageOf(win), options.moduleId)) {
        update({
          notices: [...state.notices, { id: 'restart', kind: 'error', text: t('noticeRestartFailed') }],
        });
        return;
      }
      // A new page is the one way nothing of the old attempt survives: actor, timers, time spent, dates.
      win.location.reload();
    },
  };
}

export function currentNodeId(snapshot: SnapshotFrom<ScenarioMachine>): string {
  const path = snapshot.context.path;
  return path[path.length - 1] ?? '';
}

export function passedOf(scenario: Scenario, state: RuntimeState): boolean | null {
  if (state.snapshot.status !== 'done') return null;
  return passedFor(scenario, state.snapshot.context.scores.total, state.passMark);
}

interface Restored {
  readonly snapshot: SnapshotFrom<ScenarioMachine> | null;
  readonly screen: Screen;
  readonly elapsedSeconds: number;
  readonly problem: string | null;
  /** A finished try the LMS still holds as incomplete: this launch starts the next try. */
  readonly newTry: boolean;
}

/**
 * Replays saved progress. SCORM 1.2 LMSs (Moodle) hand back suspend_data even after a finished attempt, and
 * SCORM 2004 ones after a finished attempt whose exit was suspend (scorm2004-session.ts), so data is used
 * whenever present: a review then opens on the learner's own debrief.
 * One exception: a finished scenario whose attempt the LMS holds as incomplete is a fail the reporting choice
 * left open to retry (status-reporting.ts, `*-incomplete`). A normal launch then starts a fresh try, keeping
 * the time spent; review and browse still show the finished try.
 */
function restore(machine: ScenarioMachine, launch: LaunchInfo, at: number): Restored {
  const fresh = { snapshot: null, screen: { name: 'start' } as Screen, elapsedSeconds: 0, newTry: false };
  if (launch.suspendData === '') return { ...fresh, problem: null };
  const decoded = decodeProgress(launch.suspendData);
  if (!decoded.ok) return { ...fresh, problem: decoded.reason };
  const replayed = replaySteps(machine, decoded.value.steps, at);
  if (!replayed.ok) return { ...fresh, problem: replayed.reason };
  const { snapshot } = replayed;
  const { elapsedSeconds } = decoded.value;
  if (snapshot.status === 'done' && !launch.reviewing && launch.previousStatus.completion === 'incomplete')
    return { ...fresh, elapsedSeconds, problem: null, newTry: true };
  const lastAnswer = snapshot.context.answers[snapshot.context.answers.length - 1];
  return {
    snapshot,
    screen: screenOf(decoded.value.screen, lastAnswer?.decisionId, snapshot.status === 'done'),
    elapsedSeconds,
    problem: null,
    newTry: false,
  };
}

function withStatus(notices: readonly Notice[], status: LmsStatus): readonly Notice[] {
  const others = notices.filter((notice) => notice.id !== 'lms-error');
  if (status.kind === 'saved') return others;
  // "0" is SCORM's "no error": an LMS that refuses without saying why gives it, and it helps nobody to read.
  const { code } = status;
  const text = code && code !== '0' ? t('noticeSaveFailedCode', { code }) : t('noticeSaveFailed');
  return [...others, { id: 'lms-error', kind: 'error', text }];
}
