// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { LmsStatus } from '../src/lms/lms-port';
import { INITIALIZE_REFUSED_NOTICE, openLmsSession } from '../src/lms/open-lms-session';
import { attachPageLifecycle } from '../src/lms/page-lifecycle';
import { standaloneStorageKey } from '../src/lms/standalone-session';

const lms12Calls = (api: object) => api as unknown as { LMSInitialize(p: ''): string };
const lms2004Calls = (api: object) => api as unknown as { Initialize(p: ''): string };

import {
  counted,
  failCommits,
  fixedClock,
  install,
  lms12,
  lms2004,
  nestedFrame,
  quietLogger,
} from './lms-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('opening an LMS session', () => {
  it('runs standalone when no LMS is found, records nothing and resumes from this browser', () => {
    const { inner } = nestedFrame(1);
    const first = openLmsSession({ win: inner, moduleId: 'boundaries', log: quietLogger().log });
    expect(first.start()).toMatchObject({
      standard: 'standalone',
      recording: false,
      entry: 'ab-initio',
      notice: null,
    });
    first.saveProgress({ location: 'stage2_facebook_message', suspendData: '1|00|n|3c' });
    first.terminate();
    const again = openLmsSession({ win: inner, moduleId: 'boundaries', log: quietLogger().log }).start();
    expect(again).toMatchObject({
      entry: 'resume',
      location: 'stage2_facebook_message',
      suspendData: '1|00|n|3c',
    });
    expect(inner.localStorage.getItem(standaloneStorageKey('boundaries'))).not.toBeNull();
  });

  it.each([
    ['returns "false"', 'false'],
    ['throws', 'throw'],
  ])('falls back to standalone with a notice when Initialize %s', (_label, how) => {
    const { inner, top } = nestedFrame(1);
    const lms = lms2004();
    const target = lms as unknown as Record<string, unknown>;
    target.Initialize = () => {
      if (how === 'throw') throw new Error('LMS script error');
      lms.lastErrorCode = '102';
      return 'false';
    };
    const { proxy, calls } = counted(lms);
    cleanups.push(install(top, 'API_1484_11', proxy));
    const { log, lines } = quietLogger();
    const session = openLmsSession({ win: inner, moduleId: 'boundaries', log });
    const info = session.start();
    expect(info).toMatchObject({
      standard: 'standalone',
      recording: false,
      notice: INITIALIZE_REFUSED_NOTICE,
    });
    session.saveProgress({ location: 'a', suspendData: '1||n|0' });
    session.commit();
    session.terminate();
    expect(calls.filter((call) => !/^Get(LastError|ErrorString|Diagnostic)$/.test(call))).toEqual([
      'Initialize',
    ]);
    expect(lines[0]).toMatch(/^Initialize failed/);
  });

  it('never throws in a sandboxed frame where even reading localStorage is refused', () => {
    const sandboxed = new Proxy(window, {
      get(target, property) {
        if (property === 'localStorage') throw new DOMException('The document is sandboxed', 'SecurityError');
        if (property === 'parent' || property === 'top') return sandboxed;
        return Reflect.get(target, property);
      },
    });
    const session = openLmsSession({ win: sandboxed, moduleId: 'boundaries' });
    expect(session.start()).toMatchObject({ standard: 'standalone', recording: false, entry: 'ab-initio' });
    expect(() => {
      session.saveProgress({ location: 'a', suspendData: '1||n|0' });
      session.saveReflection('text');
      session.commit();
      session.terminate();
    }).not.toThrow();
  });

  it('passes the LMS session’s status to listeners registered before start', () => {
    const { inner, top } = nestedFrame(1);
    const lms = lms12();
    failCommits(lms, 5);
    cleanups.push(install(top, 'API', lms));
    const statuses: LmsStatus[] = [];
    const session = openLmsSession({ win: inner, moduleId: 'boundaries', log: quietLogger().log });
    session.onStatus((status) => statuses.push(status));
    session.start();
    expect(statuses).toEqual([
      { kind: 'error', operation: 'commit', message: 'commit failed: General Exception', code: '101' },
    ]);
  });

  it('saves, commits and terminates exactly once when the page goes away', () => {
    const { inner, top } = nestedFrame(1);
    const lms = lms2004();
    const { proxy, calls } = counted(lms);
    cleanups.push(install(top, 'API_1484_11', proxy));
    const clock = fixedClock();
    const session = openLmsSession({
      win: inner,
      moduleId: 'boundaries',
      now: clock.now,
      log: quietLogger().log,
    });
    session.start();
    let location = 'stage1_car_park';
    attachPageLifecycle(inner, session, () => ({ location, suspendData: '1||n|0' }));
    Object.defineProperty(inner.document, 'visibilityState', { value: 'hidden', configurable: true });
    inner.document.dispatchEvent(new Event('visibilitychange'));
    expect(lms.GetValue('cmi.location')).toBe('stage1_car_park');
    location = 'stage2_facebook_message';
    clock.advance(90_000);
    inner.dispatchEvent(new Event('pagehide'));
    session.terminate();
    expect(calls.filter((call) => call === 'Terminate')).toHaveLength(1);
    const cmi = lms.getFlattenedCMI();
    expect(cmi['cmi.location']).toBe('stage2_facebook_message');
    expect(cmi['cmi.exit']).toBe('suspend');
    expect(cmi['cmi.session_time']).toBe('PT1M30S');
  });

  it.each([
    ['scorm12', 'API', '101'],
    ['scorm2004', 'API_1484_11', '103'],
  ] as const)(
    'uses a %s session the LMS already initialised (%s, error %s) and terminates it once',
    (standard, name, code) => {
      const { inner, top } = nestedFrame(1);
      const lms = standard === 'scorm12' ? lms12() : lms2004();
      const { proxy, calls } = counted(lms);
      cleanups.push(install(top, name, proxy));
      // The LMS (or a player around the module) called Initialize already.
      expect(
        standard === 'scorm12' ? lms12Calls(lms).LMSInitialize('') : lms2004Calls(lms).Initialize(''),
      ).toBe('true');
      const { log, lines } = quietLogger();
      const session = openLmsSession({ win: inner, moduleId: 'boundaries', log });
      expect(session.start()).toMatchObject({ standard, recording: true, notice: null });
      expect(lines[0]).toContain(`"code":"${code}"`);
      session.saveProgress({ location: 'stage2_facebook_message', suspendData: '1|00|n|3c' });
      session.commit();
      session.terminate();
      session.terminate();
      const terminate = standard === 'scorm12' ? 'LMSFinish' : 'Terminate';
      expect(calls.filter((call) => call === terminate)).toHaveLength(1);
      const cmi = lms.getFlattenedCMI() as Record<string, unknown>;
      expect(cmi[standard === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe(
        'stage2_facebook_message',
      );
    },
  );

  it('talks only to the standard it is told, though the frame offers both and the other refuses Initialize', () => {
    const { inner, top } = nestedFrame(1);
    const other = counted(lms2004());
    (other.proxy as unknown as Record<string, unknown>).Initialize = () => 'false';
    cleanups.push(install(top, 'API_1484_11', other.proxy));
    const own = counted(lms12());
    cleanups.push(install(top, 'API', own.proxy));
    const session = openLmsSession({
      win: inner,
      moduleId: 'boundaries',
      standards: ['scorm12'],
      log: quietLogger().log,
    });
    expect(session.start()).toMatchObject({ standard: 'scorm12', recording: true });
    session.terminate();
    expect(other.calls).toEqual([]);
    expect(own.calls).toContain('LMSFinish');
  });
});
