/**
 * Shared pieces for the LMS tests: scorm-again as the LMS, a call counter, fault injection, a fixed clock and
 * three decisions from the boundaries scenario. scorm-again is more lenient than Moodle (scorm-notes §1), so
 * `moodleViolations` re-checks the stored CMI against Moodle's patterns and the standards' limits.
 */
import type Scorm12ApiClass from 'scorm-again/scorm12';
import * as scorm12Module from 'scorm-again/scorm12';
import type Scorm2004ApiClass from 'scorm-again/scorm2004';
import * as scorm2004Module from 'scorm-again/scorm2004';
import {
  isCmiTime,
  isCmiTimespan,
  isIsoDuration,
  isIsoTimestamp,
  isLongIdentifier,
  isScorm12Identifier,
  isShortIdentifier,
} from '../src/lms/cmi-formats';
import type { LmsLogger } from '../src/lms/lms-logger';
import type { DecisionRecord, FinalResult } from '../src/lms/lms-port';
import type { Scorm12Api, Scorm2004Api } from '../src/lms/scorm-api';

// scorm-again 3.4.3 declares a default export in its types but its ESM build has only the named one.
const { Scorm12API } = scorm12Module as unknown as { Scorm12API: typeof Scorm12ApiClass };
const { Scorm2004API } = scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004ApiClass };

/** 2024-05-01 09:00:00 UTC. */
export const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);

export function fixedClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export function quietLogger() {
  const lines: string[] = [];
  const log: LmsLogger = {
    warn: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
  };
  return { log, lines };
}

export function lms2004(data: Record<string, unknown> = {}) {
  const api = new Scorm2004API({ logLevel: 5 });
  api.loadFromJSON({ learner_id: 'u42', learner_name: 'Patel, Sam', ...data });
  return api;
}

/** `settings` go to scorm-again: `{ mastery_override: false }` is Moodle's "Mastery score overrides status: No". */
export function lms12(data: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  const api = new Scorm12API({ logLevel: 5, ...settings });
  const { core, ...rest } = data as { core?: Record<string, unknown> };
  api.loadFromJSON({ core: { student_id: 'u42', student_name: 'Patel, Sam', ...core }, ...rest });
  return api;
}

/**
 * The API with every SCORM call appended to `calls` (name, then the element for Get/SetValue) and every value
 * sent to `sent`, as the content wrote it (scorm-again normalises some values before storing them).
 */
export function counted<T extends object>(api: T) {
  const calls: string[] = [];
  const sent: Record<string, string> = {};
  const proxy = new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !/^(LMS)?[A-Z]/.test(property))
        return value;
      return (...args: unknown[]) => {
        calls.push(/GetValue|SetValue/.test(property) ? `${property} ${String(args[0])}` : property);
        if (/SetValue/.test(property)) sent[String(args[0])] = String(args[1]);
        return value.apply(target, args);
      };
    },
  });
  return { proxy, calls, sent };
}

export function as2004(api: object): Scorm2004Api {
  return api as unknown as Scorm2004Api;
}

export function as12(api: object): Scorm12Api {
  return api as unknown as Scorm12Api;
}

/**
 * Makes the API's Commit (or LMSCommit) fail the next `times` calls, by returning "false" with error 101 the
 * way Moodle does when its store fails, or by throwing. The LMS underneath stays scorm-again.
 */
export function failCommits(
  api: Scorm12ApiClass | Scorm2004ApiClass,
  times: number,
  how: 'false' | 'throw' = 'false',
) {
  const name = api instanceof Scorm2004API ? 'Commit' : 'LMSCommit';
  const target = api as unknown as Record<string, (parameter?: string) => string>;
  const real = target[name] as (parameter?: string) => string;
  let left = times;
  target[name] = (parameter?: string) => {
    if (left <= 0) return real.call(api, parameter);
    left -= 1;
    if (how === 'throw') throw new Error('connection reset');
    api.lastErrorCode = '101';
    return 'false';
  };
}

/**
 * Makes the API refuse SetValue (or LMSSetValue) of elements matching `pattern` the next `times` calls: "false"
 * with `code`, the way an LMS does whose store or validation says no. The LMS underneath stays scorm-again.
 */
export function refuseSets(
  api: Scorm12ApiClass | Scorm2004ApiClass,
  pattern: RegExp,
  times = Number.POSITIVE_INFINITY,
  code = '351',
) {
  const name = api instanceof Scorm2004API ? 'SetValue' : 'LMSSetValue';
  const target = api as unknown as Record<string, (element: string, value: string) => string>;
  const real = target[name] as (element: string, value: string) => string;
  let left = times;
  target[name] = (element: string, value: string) => {
    if (left <= 0 || !pattern.test(element)) return real.call(api, element, value);
    left -= 1;
    api.lastErrorCode = code;
    return 'false';
  };
  return {
    /** From now on the LMS takes every value. */
    stop: () => {
      left = 0;
    },
  };
}

/** Three decisions of the boundaries scenario, two minutes apart, the last one linked to two principles. */
export const DECISIONS: readonly DecisionRecord[] = [
  {
    interactionId: 'stage1_car_park',
    description: 'Stage 1 – patient asks the GP out for a drink in the car park',
    responseId: 'decline_kindly',
    correctResponseId: 'decline_kindly',
    result: 'correct',
    weighting: 1,
    latencyMs: 12_340,
    timestamp: T0 + 60_000,
  },
  {
    interactionId: 'stage2_facebook_message',
    description: 'Stage 2 – a friend request and\na message on Facebook',
    responseId: 'accept_request',
    correctResponseId: 'ignore_and_explain',
    result: 'wrong',
    weighting: 1,
    latencyMs: 65_432,
    timestamp: T0 + 180_000,
  },
  {
    interactionId: 'stage3_gift',
    description: 'Stage 3 – an expensive gift at the last appointment',
    responseId: 'accept_and_declare',
    correctResponseId: 'decline_gift',
    result: 'neutral',
    weighting: 2,
    latencyMs: 3_723_456,
    timestamp: T0 + 300_000,
    objectiveIds: ['boundary', 'candour'],
  },
];

export const STEPS_AFTER = ['1|00|n|3c', '1|0001|n|8c', '1|000120|d|dc'];
export const LOCATIONS_AFTER = ['stage2_facebook_message', 'stage3_gift', 'ending_mixed'];

export const FINAL: FinalResult = {
  scoreRaw: 66.666,
  scaled: 0.66666,
  passed: false,
  objectives: [
    { id: 'boundary', description: 'Keeps the boundary', raw: 4, max: 6, passed: true },
    { id: 'candour', description: 'Is open with the patient', raw: 1, max: 3, passed: false },
  ],
};

type Flat = Record<string, unknown>;

/** Every stored value a strict LMS (Moodle, the standards' SPMs) would refuse, as readable lines. */
export function moodleViolations(standard: 'scorm12' | 'scorm2004', flat: Flat): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, element: string, value: unknown) => {
    if (!ok) problems.push(`${element} = ${JSON.stringify(value)}`);
  };
  for (const [element, value] of Object.entries(flat)) {
    if (typeof value !== 'string' || value === '') continue;
    if (standard === 'scorm12') {
      if (/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$|^cmi\.objectives\.\d+\.id$/.test(element))
        check(isScorm12Identifier(value), element, value);
      if (/\.time$/.test(element)) check(isCmiTime(value), element, value);
      if (/\.latency$|session_time$/.test(element)) check(isCmiTimespan(value), element, value);
      if (element === 'cmi.suspend_data' || element === 'cmi.comments')
        check(value.length <= 4096, element, value);
      if (element === 'cmi.core.lesson_location') check(value.length <= 255, element, value);
      if (/student_response$|pattern$/.test(element)) check(value.length <= 255, element, value);
    } else {
      if (/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$|^cmi\.objectives\.\d+\.id$/.test(element))
        check(isLongIdentifier(value), element, value);
      if (/learner_response$|pattern$/.test(element)) check(isShortIdentifier(value), element, value);
      if (/timestamp$/.test(element)) check(isIsoTimestamp(value), element, value);
      if (/\.latency$|session_time$/.test(element)) check(isIsoDuration(value), element, value);
      if (/description$/.test(element))
        check(value.length <= 250 && !/[\n\r\t]|^\{/.test(value), element, value);
      if (element === 'cmi.location') check(value.length <= 1000, element, value);
    }
  }
  return problems;
}

/**
 * An iframe `depth` levels deep in the jsdom page. Returns the innermost window and the top, which is
 * `iframe.contentWindow.parent`, not vitest's global `window` (scorm-notes §1 gotcha): APIs go on `top`.
 */
export function nestedFrame(depth: number): { inner: Window; top: Window } {
  let doc = document;
  let win: Window | null = null;
  for (let level = 0; level < depth; level++) {
    const frame = doc.createElement('iframe');
    doc.body.appendChild(frame);
    win = frame.contentWindow as Window;
    doc = win.document;
  }
  if (win === null) throw new Error('depth must be at least 1');
  let top = win;
  while (top.parent !== top) top = top.parent;
  return { inner: win, top };
}

/** Puts `api` on `win` under `name` and returns a function that takes it away again. */
export function install(win: Window, name: 'API' | 'API_1484_11', api: unknown): () => void {
  const slot = win as unknown as Record<string, unknown>;
  slot[name] = api;
  return () => {
    delete slot[name];
  };
}

/**
 * What the LMS gives the next launch: the stored CMI with the per-session elements dropped and `entry` derived
 * from the previous exit (suspend → resume). For 2004 this hands the data back whatever the exit, as Rustici's
 * engine and the preview do; Moodle does so only after exit = suspend (`Moodle2004` below).
 */
export function relaunch2004(previous: Scorm2004ApiClass, extra: Record<string, unknown> = {}) {
  const { exit, session_time, total_time, entry, ...kept } = (previous.renderCommitCMI(true) as { cmi: Flat })
    .cmi;
  const next = new Scorm2004API({ logLevel: 5 });
  next.loadFromJSON({ ...kept, entry: next.determineEntryValue(String(exit), true), ...extra });
  return next;
}

export function relaunch12(
  previous: Scorm12ApiClass,
  extra: Record<string, unknown> = {},
  settings: Record<string, unknown> = {},
) {
  const { core, ...kept } = (previous.renderCommitCMI(true) as { cmi: Flat & { core: Flat } }).cmi;
  const { exit, session_time, total_time, entry, ...keptCore } = core;
  const { core: extraCore, ...extraRest } = extra as { core?: Flat };
  const next = new Scorm12API({ logLevel: 5, ...settings });
  next.loadFromJSON({
    ...kept,
    ...extraRest,
    core: { ...keptCore, entry: exit === 'suspend' ? 'resume' : '', ...extraCore },
  });
  return next;
}

/** The calls one decision costs: record it, save progress, commit. */
export function callsPerDecision(calls: string[], run: () => void): string[] {
  calls.length = 0;
  run();
  return calls.splice(0);
}

/** Moodle's empty SCORM 2004 duration, the default of cmi.total_time and cmi.session_time. */
export const MOODLE_ZERO_DURATION = 'PT0H0M0S';

/**
 * Moodle's `AddTime` (mod/scorm/datamodels/scorm_13.js), ported as it is: the sum of two ISO 8601 durations
 * with only the non-zero parts written, so PT0H0M0S + PT0H0M0S is the bare "P". (Moodle's own slip, adding the
 * second duration's days to the first's, is kept.)
 */
export function moodleAddTime(first: string, second: string): string {
  const pattern = /^P((\d+)Y)?((\d+)M)?((\d+)D)?(T((\d+)H)?((\d+)M)?((\d+(\.\d{1,2})?)S)?)?$/;
  const a = first.match(pattern);
  const b = second.match(pattern);
  let time = 'P';
  if (a === null || b === null) return time;
  const int = (part: string | undefined) =>
    Number.parseInt(part ?? '', 10) > 0 ? Number.parseInt(part ?? '', 10) : 0;
  const float = (part: string | undefined) =>
    Number.parseFloat(part ?? '') > 0 ? Number.parseFloat(part ?? '') : 0;
  let secs = float(a[13]) + float(b[13]);
  let change = Math.floor(secs / 60);
  secs = Math.round((secs - change * 60) * 100) / 100;
  let mins = int(a[11]) + int(b[11]) + change;
  change = Math.floor(mins / 60);
  mins = Math.round(mins - change * 60);
  let hours = int(a[9]) + int(b[9]) + change;
  change = Math.floor(hours / 24);
  hours = Math.round(hours - change * 24);
  const days = Math.round((int(b[6]) > 0 ? int(b[6]) : int(a[6])) + change);
  const months = int(a[4]) + int(b[4]);
  const years = int(a[2]) + int(b[2]);
  if (years > 0) time += `${years}Y`;
  if (months > 0) time += `${months}M`;
  if (days > 0) time += `${days}D`;
  if (hours > 0 || mins > 0 || secs > 0) {
    time += 'T';
    if (hours > 0) time += `${hours}H`;
    if (mins > 0) time += `${mins}M`;
    if (secs > 0) time += `${secs}S`;
  }
  return time;
}

export type MoodleLaunchMode = 'normal' | 'review' | 'browse';

/** What the LMS, not the SCO, sets on each launch; never handed back from the stored attempt. */
const MOODLE_2004_LAUNCH_ELEMENTS = new Set([
  'cmi.entry',
  'cmi.exit',
  'cmi.mode',
  'cmi.credit',
  'cmi.session_time',
  'cmi.total_time',
  'cmi.learner_id',
  'cmi.learner_name',
  'cmi.scaled_passing_score',
]);

/**
 * A small fake of Moodle 4.5's SCORM 2004 player, scorm-again underneath, for one learner's one attempt:
 * - the launch rule of `get_scorm_default()` (mod/scorm/datamodels/scorm_13lib.php, scorm-notes §8b): a later
 *   launch, review included, gets the stored data (suspend_data, location, interactions, statuses, total_time)
 *   only when the stored cmi.exit is "suspend", with entry = resume; otherwise it gets defaults;
 * - `StoreData` (scorm_13.js): Commit and Terminate store every element whose value differs from what the
 *   launch handed over, in review too (scorm-notes §8), and Terminate also stores
 *   total_time = AddTime(total_time as launched, session_time).
 * `stored` is Moodle's database for the attempt, element → value.
 */
export class Moodle2004 {
  readonly stored: Record<string, string> = {};
  launches = 0;

  constructor(private readonly passingScore = '0.75') {}

  launch(mode: MoodleLaunchMode = 'normal'): Scorm2004ApiClass {
    const suspended = this.stored['cmi.exit'] === 'suspend';
    const handed: Record<string, string> = {};
    if (suspended) {
      for (const [element, value] of Object.entries(this.stored)) {
        if (!MOODLE_2004_LAUNCH_ELEMENTS.has(element)) handed[element] = value;
      }
    }
    const totalTime = (suspended && this.stored['cmi.total_time']) || MOODLE_ZERO_DURATION;
    const api = new Scorm2004API({ logLevel: 5 });
    api.loadFromFlattenedJSON({
      ...handed,
      'cmi.learner_id': 'u42',
      'cmi.learner_name': 'Patel, Sam',
      'cmi.entry': suspended ? 'resume' : this.launches === 0 ? 'ab-initio' : '',
      'cmi.mode': mode,
      'cmi.credit': mode === 'normal' ? 'credit' : 'no-credit',
      'cmi.scaled_passing_score': this.passingScore,
      'cmi.total_time': totalTime,
    });
    this.launches += 1;
    const launched = stringsOf(api.getFlattenedCMI() as Flat);
    const store = (terminating: boolean) => {
      const now = stringsOf(api.getFlattenedCMI() as Flat);
      for (const [element, value] of Object.entries(now)) {
        if (element === 'cmi.total_time' || value === launched[element]) continue;
        this.stored[element] = value;
      }
      if (terminating) {
        const sessionTime = now['cmi.session_time'] || MOODLE_ZERO_DURATION;
        this.stored['cmi.total_time'] = moodleAddTime(totalTime, sessionTime);
      }
    };
    const methods = api as unknown as Record<'Commit' | 'Terminate', (parameter?: string) => string>;
    for (const name of ['Commit', 'Terminate'] as const) {
      const real = methods[name].bind(api);
      methods[name] = (parameter?: string) => {
        const result = real(parameter);
        if (result === 'true') store(name === 'Terminate');
        return result;
      };
    }
    return api;
  }
}

function stringsOf(flat: Flat): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [element, value] of Object.entries(flat))
    if (typeof value === 'string') strings[element] = value;
  return strings;
}
