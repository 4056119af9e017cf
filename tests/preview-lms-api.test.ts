// The preview's LMS-side API in plain Node (scorm-again needs no DOM): the log, the store, and resume.
import { describe, expect, it } from 'vitest';
import type { FlatCmi } from '../preview/app/flat-cmi';
import { planLaunch } from '../preview/app/launch-plan';
import { type ApiCall, createLmsApi, type StoreTrigger } from '../preview/app/lms-api';
import type { PreviewStandard } from '../preview/package-info';

const LMS = {
  learnerId: 'preview',
  learnerName: 'Preview, Learner',
  launchData: null,
  completionThreshold: null,
};

function recorder(standard: PreviewStandard, startingData: FlatCmi) {
  const calls: Omit<ApiCall, 'seq' | 'launch'>[] = [];
  const stores: { cmi: FlatCmi; trigger: StoreTrigger }[] = [];
  const lms = createLmsApi(standard, startingData, {
    onCall: (call) => calls.push(call),
    onStore: (cmi, trigger) => stores.push({ cmi, trigger }),
  });
  const api = lms.api as unknown as Record<string, (...args: string[]) => string>;
  return { lms, api, calls, stores };
}

describe('createLmsApi', () => {
  it('logs every call with its element, value, return value and error code', () => {
    const start = planLaunch('scorm2004-4th', null, 'normal', { ...LMS, masteryScore: null }).startingData;
    const { api, calls } = recorder('scorm2004-4th', start);
    api.Initialize?.('');
    api.SetValue?.('cmi.score.scaled', '1.5');
    api.GetValue?.('cmi.learner_name');
    expect(calls).toEqual([
      {
        method: 'Initialize',
        element: '',
        value: null,
        returned: 'true',
        errorCode: '0',
        errorText: '',
        by: 'module',
      },
      {
        method: 'SetValue',
        element: 'cmi.score.scaled',
        value: '1.5',
        returned: 'false',
        errorCode: '407',
        errorText: 'Data Model Element Value Out Of Range',
        by: 'module',
      },
      {
        method: 'GetValue',
        element: 'cmi.learner_name',
        value: null,
        returned: 'Preview, Learner',
        errorCode: '0',
        errorText: '',
        by: 'module',
      },
    ]);
  });

  it('stores the data on Initialize, Commit and Terminate, adding the session to the total time at Terminate', () => {
    const start = planLaunch('scorm2004-4th', null, 'normal', { ...LMS, masteryScore: null }).startingData;
    const { api, stores } = recorder('scorm2004-4th', { ...start, 'cmi.total_time': 'PT10S' });
    api.Commit?.('');
    api.Initialize?.('');
    api.SetValue?.('cmi.suspend_data', 'answered=a');
    api.Commit?.('');
    api.SetValue?.('cmi.session_time', 'PT1M');
    api.Terminate?.('');
    expect(stores.map((s) => s.trigger)).toEqual(['initialize', 'commit', 'terminate']);
    expect(stores[1]?.cmi['cmi.suspend_data']).toBe('answered=a');
    expect(stores[2]?.cmi['cmi.total_time']).toBe('PT1M10S');
  });

  it('terminates for a module that left its session open, logged as the LMS’s call', () => {
    const start = planLaunch('scorm12', null, 'normal', { ...LMS, masteryScore: null }).startingData;
    const { lms, api, calls, stores } = recorder('scorm12', start);
    api.LMSInitialize?.('');
    expect(lms.isOpen()).toBe(true);
    lms.terminateForModule();
    expect(lms.isOpen()).toBe(false);
    expect(calls.at(-1)).toMatchObject({ method: 'LMSFinish', returned: 'true', by: 'lms' });
    expect(stores.at(-1)?.trigger).toBe('terminate');
  });

  it('recomputes a 1.2 status from the mastery score at LMSFinish, as Moodle does by default', () => {
    const start = planLaunch('scorm12', null, 'normal', { ...LMS, masteryScore: '70' }).startingData;
    const { api, stores } = recorder('scorm12', start);
    api.LMSInitialize?.('');
    api.LMSSetValue?.('cmi.core.lesson_status', 'incomplete');
    api.LMSSetValue?.('cmi.core.score.raw', '40');
    api.LMSFinish?.('');
    expect(stores.at(-1)?.cmi['cmi.core.lesson_status']).toBe('failed');
  });

  it.each([
    ['scorm12', 'LMS', 'cmi.core'],
    ['scorm2004-3rd', '', 'cmi'],
  ] as const)('gives %s data back with entry=resume after a suspend', (standard, prefix, core) => {
    const method = (name: string): string => (prefix === 'LMS' ? `LMS${name}` : name);
    const first = recorder(
      standard,
      planLaunch(standard, null, 'normal', { ...LMS, masteryScore: null }).startingData,
    );
    first.api[method('Initialize')]?.('');
    first.api[method('SetValue')]?.('cmi.suspend_data', 'answered=b');
    first.api[method('SetValue')]?.(`${core}.exit`, 'suspend');
    first.api[prefix === 'LMS' ? 'LMSFinish' : 'Terminate']?.('');
    const stored = { attempt: 1, sessions: 1, cmi: first.stores.at(-1)?.cmi ?? {} };

    const plan = planLaunch(standard, stored, 'normal', { ...LMS, masteryScore: null });
    const second = recorder(standard, plan.startingData);
    second.api[method('Initialize')]?.('');
    expect(second.api[method('GetValue')]?.(`${core}.entry`)).toBe('resume');
    expect(second.api[method('GetValue')]?.('cmi.suspend_data')).toBe('answered=b');
    expect(second.calls.every((c) => c.errorCode === '0')).toBe(true);
  });
});
