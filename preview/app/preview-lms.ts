// The preview LMS for one package: launches it in an iframe with a fresh API per launch, stores its data,
// and keeps the log, the CMI table and the trainer view up to date.
import type { PreviewPackageInfo } from '../package-info.ts';
import { loadAttempt, saveAttempt } from './attempt-store.ts';
import { cmiNames } from './cmi-names.ts';
import { byId } from './dom.ts';
import type { FlatCmi } from './flat-cmi.ts';
import { type LaunchMode, type LaunchPlan, planLaunch, type StoredAttempt } from './launch-plan.ts';
import { type ApiCall, createLmsApi, type LmsApi, type StoreTrigger } from './lms-api.ts';
import { mountModuleFrame, unmountModuleFrame } from './module-frame.ts';
import { appendCallRow, appendLaunchRow } from './render-call-log.ts';
import { renderCmiTable } from './render-cmi-table.ts';
import { type ReviewCheck, renderTrainerView } from './render-trainer-view.ts';
import { trainerReport } from './trainer-report.ts';

/** A SCO calls Initialize as it starts; silence this long after its page loaded means it broke. */
const SILENCE_NOTICE_MS = 3000;

export const PREVIEW_LEARNER = { learnerId: 'preview', learnerName: 'Preview, Learner' } as const;

/** Test hooks, as `window.previewLms`. */
export interface PreviewLmsHooks {
  readonly calls: readonly ApiCall[];
  getCmi(): Record<string, string>;
  getStored(): StoredAttempt | null;
  relaunch(): Promise<void>;
  /** Closes the module and launches it again in the mode it was in: how `npm run dev` shows an edit. */
  reopen(): Promise<void>;
  /** Closes the module as an LMS player does (its unload handlers run, the session ends) and launches nothing. */
  close(): Promise<void>;
  /** Draws the trainer view again, e.g. once `npm run dev` has new trainer data (trainer-data.ts). */
  refreshTrainerView(): void;
  newAttempt(): Promise<void>;
  review(): Promise<void>;
  browse(): Promise<void>;
}

export interface PreviewLmsOptions {
  /** SCORM 1.2 "Mastery score overrides status", as in Moodle; on unless the page says `?mastery-override=off`. */
  readonly masteryOverride?: boolean;
}

declare global {
  interface Window {
    previewLms?: PreviewLmsHooks;
  }
}

interface Launch {
  readonly number: number;
  readonly plan: LaunchPlan;
  readonly lms: LmsApi;
  readonly frame: HTMLIFrameElement;
}

export function startPreviewLms(
  pkg: PreviewPackageInfo,
  storage: Storage,
  options: PreviewLmsOptions = {},
): PreviewLmsHooks {
  const calls: ApiCall[] = [];
  const logBody = byId<HTMLTableElement>('call-log').tBodies[0] as HTMLTableSectionElement;
  const cmiBody = byId<HTMLTableElement>('cmi-table').tBodies[0] as HTMLTableSectionElement;
  const trainerHost = byId<HTMLElement>('trainer-view');
  const moduleHost = byId<HTMLElement>('module-host');
  const status = byId<HTMLElement>('launch-status');
  const buttons = ['relaunch', 'review', 'browse', 'new-attempt'].map((id) => byId<HTMLButtonElement>(id));
  let current: Launch | null = null;
  let launches = 0;
  let reviewBaseline: string | null = null;
  let cmiRefresh = 0;

  const refreshCmi = (): void => {
    if (cmiRefresh) return;
    // Batched: a module may set dozens of values in one click.
    cmiRefresh = requestAnimationFrame(() => {
      cmiRefresh = 0;
      if (current) renderCmiTable(cmiBody, current.lms.liveCmi());
    });
  };

  const refreshTrainerView = (): void => {
    const stored = loadAttempt(storage, pkg.name);
    const report = trainerReport(pkg.standard, stored?.cmi ?? {});
    const review: ReviewCheck | null =
      reviewBaseline === null ? null : { before: reviewBaseline, now: report.result };
    renderTrainerView(trainerHost, stored?.attempt ?? current?.plan.attempt ?? 1, report, review);
  };

  const onStore = (plan: LaunchPlan, cmi: FlatCmi, trigger: StoreTrigger): void => {
    const previous = loadAttempt(storage, pkg.name);
    const sameAttempt = previous !== null && previous.attempt === plan.attempt;
    const totalName = cmiNames(pkg.standard).totalTime;
    const loadedTotal = plan.startingData[totalName];
    // scorm-again renders total_time only at Terminate; until then the stored total is the one loaded.
    const withTotal =
      loadedTotal !== undefined && !(totalName in cmi) ? { ...cmi, [totalName]: loadedTotal } : cmi;
    const sessions = (sameAttempt ? previous.sessions : 0) + (trigger === 'initialize' ? 1 : 0);
    saveAttempt(storage, pkg.name, { attempt: plan.attempt, sessions, cmi: withTotal });
    refreshTrainerView();
  };

  const launch = (mode: LaunchMode): void => {
    launches += 1;
    const number = launches;
    const plan = planLaunch(pkg.standard, loadAttempt(storage, pkg.name), mode, {
      ...PREVIEW_LEARNER,
      masteryScore: pkg.masteryScore,
      launchData: pkg.launchData,
      completionThreshold: pkg.completionThreshold,
    });
    const lms = createLmsApi(
      pkg.standard,
      plan.startingData,
      {
        onCall: (call) => {
          const logged: ApiCall = { ...call, seq: calls.length + 1, launch: number };
          calls.push(logged);
          appendCallRow(logBody, logged);
          refreshCmi();
        },
        onStore: (cmi, trigger) => onStore(plan, cmi, trigger),
      },
      { masteryOverride: options.masteryOverride ?? true },
    );
    // The API must exist before the SCO's first script runs: it looks once, on load (ADL discovery).
    (window as unknown as Record<string, unknown>)[lms.globalName] = lms.api;
    const text = `Launch ${number}: attempt ${plan.attempt}, entry "${plan.entry}", mode ${plan.mode}${
      plan.startsNewAttempt ? ' (a new attempt: the previous exit was not "suspend")' : ''
    }.`;
    status.textContent = text;
    appendLaunchRow(logBody, text);
    const frame = mountModuleFrame(moduleHost, pkg.launchUrl, pkg.title);
    current = { number, plan, lms, frame };
    frame.addEventListener(
      'load',
      () => {
        setTimeout(() => {
          const started = calls.some((c) => c.launch === number && /^(LMS)?Initialize$/.test(c.method));
          if (current?.number === number && !started) {
            status.textContent = `${text} The module has not called Initialize ${SILENCE_NOTICE_MS / 1000} s after loading: see the browser console of its frame.`;
          }
        }, SILENCE_NOTICE_MS);
      },
      { once: true },
    );
    renderCmiTable(cmiBody, lms.liveCmi());
    refreshTrainerView();
  };

  const close = async (): Promise<void> => {
    if (!current) return;
    await unmountModuleFrame(current.frame);
    // An LMS closing the player ends the session the module left open, so its data is stored.
    if (current.lms.isOpen()) current.lms.terminateForModule();
  };

  const busy = async (work: () => Promise<void>): Promise<void> => {
    for (const button of buttons) button.disabled = true;
    try {
      await work();
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  };

  const relaunch = (): Promise<void> =>
    busy(async () => {
      await close();
      reviewBaseline = null;
      launch('normal');
    });
  // Review and browse are no-credit: the trainer view says whether the recorded result changed all the same.
  const lookAround = (mode: 'review' | 'browse'): Promise<void> =>
    busy(async () => {
      await close();
      reviewBaseline = trainerReport(pkg.standard, loadAttempt(storage, pkg.name)?.cmi ?? {}).result;
      launch(mode);
    });
  const review = () => lookAround('review');
  const browse = () => lookAround('browse');
  const reopen = (): Promise<void> => {
    const mode = current?.plan.mode ?? 'normal';
    return mode === 'normal' ? relaunch() : lookAround(mode);
  };
  const newAttempt = (): Promise<void> =>
    busy(async () => {
      await close();
      const stored = loadAttempt(storage, pkg.name);
      saveAttempt(storage, pkg.name, { attempt: (stored?.attempt ?? 0) + 1, sessions: 0, cmi: {} });
      reviewBaseline = null;
      launch('normal');
    });

  byId('relaunch').addEventListener('click', () => void relaunch());
  byId('review').addEventListener('click', () => void review());
  byId('browse').addEventListener('click', () => void browse());
  byId('new-attempt').addEventListener('click', () => void newAttempt());
  launch('normal');

  return {
    calls,
    getCmi: () => ({ ...(current?.lms.liveCmi() ?? {}) }),
    getStored: () => loadAttempt(storage, pkg.name),
    relaunch,
    reopen,
    close: () => busy(close),
    refreshTrainerView,
    newAttempt,
    review,
    browse,
  };
}
