// The LMS-side API object (scorm-again) for one launch, with every method wrapped so the preview can log
// what the module called, what it got back and the error code, and store the data on Initialize, Commit and
// Terminate as an LMS would.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { PreviewStandard } from '../package-info.ts';
import { type FlatCmi, flattenCmi } from './flat-cmi.ts';

export interface ApiCall {
  readonly seq: number;
  readonly launch: number;
  readonly method: string;
  readonly element: string | null;
  readonly value: string | null;
  readonly returned: string;
  readonly errorCode: string;
  readonly errorText: string;
  /** 'lms' for the Terminate the preview makes when the module closed without one. */
  readonly by: 'module' | 'lms';
}

export type StoreTrigger = 'initialize' | 'commit' | 'terminate';

export interface LmsApiHooks {
  onCall(call: Omit<ApiCall, 'seq' | 'launch'>): void;
  onStore(cmi: FlatCmi, trigger: StoreTrigger): void;
}

export interface LmsApi {
  /** The global the SCO looks for: `API` (1.2) or `API_1484_11` (2004). */
  readonly globalName: 'API' | 'API_1484_11';
  readonly api: Scorm12API | Scorm2004API;
  /** Current data in the API, committed or not. */
  liveCmi(): FlatCmi;
  isOpen(): boolean;
  /** Terminate on the module's behalf, logged as the LMS's call. */
  terminateForModule(): void;
}

interface MethodNames {
  readonly initialize: string;
  readonly terminate: string;
  readonly getValue: string;
  readonly setValue: string;
  readonly commit: string;
  readonly others: readonly string[];
}

const METHODS_12: MethodNames = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  others: ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
};

const METHODS_2004: MethodNames = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  others: ['GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

type ApiMethod = (...args: unknown[]) => string;

export interface LmsApiOptions {
  /**
   * SCORM 1.2: Moodle's "Mastery score overrides status" (scorm-notes §8), on by default as in Moodle: at
   * LMSFinish the status becomes passed or failed from score.raw and the mastery score.
   */
  readonly masteryOverride?: boolean;
}

export function createLmsApi(
  standard: PreviewStandard,
  startingData: FlatCmi,
  hooks: LmsApiHooks,
  options: LmsApiOptions = {},
): LmsApi {
  // No lmsCommitUrl: scorm-again then makes no network request at all (its README); storing is ours.
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;
  const api =
    standard === 'scorm12'
      ? new Scorm12API({ ...settings, mastery_override: options.masteryOverride ?? true })
      : new Scorm2004API(settings);
  api.loadFromFlattenedJSON({ ...startingData });

  const names = standard === 'scorm12' ? METHODS_12 : METHODS_2004;
  const methods = api as unknown as Record<string, ApiMethod>;
  const store = (trigger: StoreTrigger): void => {
    const rendered = flattenCmi(api.renderCommitCMI(trigger === 'terminate'));
    hooks.onStore(rendered, trigger);
  };
  const triggers = new Map<string, StoreTrigger>([
    [names.initialize, 'initialize'],
    [names.commit, 'commit'],
    [names.terminate, 'terminate'],
  ]);
  const allMethods = [
    names.initialize,
    names.terminate,
    names.getValue,
    names.setValue,
    names.commit,
    ...names.others,
  ];
  const originals = new Map(allMethods.map((method) => [method, methods[method]]));
  const wrap = (method: string, by: ApiCall['by']): ApiMethod => {
    const original = originals.get(method);
    if (!original) throw new Error(`scorm-again has no ${method}.`);
    return (...args: unknown[]) => {
      const returned = original.apply(api, args);
      const errorCode = api.lastErrorCode;
      hooks.onCall({
        method,
        element: args.length > 0 ? String(args[0]) : null,
        value: method === names.setValue ? String(args[1]) : null,
        returned,
        errorCode,
        errorText: errorCode === '0' ? '' : api.getLmsErrorMessageDetails(errorCode, false),
        by,
      });
      const trigger = triggers.get(method);
      if (trigger && returned === 'true') store(trigger);
      return returned;
    };
  };
  for (const method of allMethods) methods[method] = wrap(method, 'module');
  const lmsTerminate = wrap(names.terminate, 'lms');

  return {
    globalName: standard === 'scorm12' ? 'API' : 'API_1484_11',
    api,
    liveCmi: () => flattenCmi(api.getFlattenedCMI()),
    isOpen: () => api.isInitialized() && !api.isTerminated(),
    terminateForModule: () => {
      lmsTerminate('');
    },
  };
}
