// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetStandaloneProgress, StandaloneSession, standaloneStorageKey } from './standalone-session.ts';

const RESULT = { scoreRaw: 80, scaled: 0.8, passed: true, objectives: [] };

describe('StandaloneSession', () => {
  beforeEach(() => localStorage.clear());

  it('says nothing is recorded and starts from the beginning the first time', () => {
    const info = new StandaloneSession({ moduleId: 'boundaries', storage: () => localStorage }).start();
    expect(info).toMatchObject({
      standard: 'standalone',
      recording: false,
      reviewing: false,
      entry: 'ab-initio',
    });
    expect(info.notice).toBeNull();
  });

  it('resumes from this browser under a key per module', () => {
    const first = new StandaloneSession({ moduleId: 'boundaries', storage: () => localStorage });
    first.start();
    first.saveProgress({ location: 'stage2_facebook_message', suspendData: '1|01|n|5' });
    first.saveReflection('I would say no kindly.');
    first.terminate();
    const other = new StandaloneSession({ moduleId: 'other', storage: () => localStorage }).start();
    expect(other.entry).toBe('ab-initio');
    const again = new StandaloneSession({ moduleId: 'boundaries', storage: () => localStorage }).start();
    expect(again).toMatchObject({
      entry: 'resume',
      location: 'stage2_facebook_message',
      suspendData: '1|01|n|5',
      reflection: 'I would say no kindly.',
      previousStatus: { completion: 'incomplete', success: 'unknown' },
    });
    expect(localStorage.getItem(standaloneStorageKey('boundaries'))).toContain('stage2_facebook_message');
  });

  it('remembers a finished attempt', () => {
    const session = new StandaloneSession({ moduleId: 'm', storage: () => localStorage });
    session.start();
    session.finish(RESULT);
    const info = new StandaloneSession({ moduleId: 'm', storage: () => localStorage }).start();
    expect(info.previousStatus).toEqual({ completion: 'completed', success: 'passed' });
  });

  it('never throws when storage cannot even be read (sandboxed frame)', () => {
    const storage = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const session = new StandaloneSession({ moduleId: 'm', storage });
    expect(session.start().entry).toBe('ab-initio');
    session.saveProgress({ location: 'a', suspendData: 'b' });
    expect(session.saveReflection('text')).toEqual({ stored: false, truncated: false });
    session.finish(RESULT);
    expect(session.commit()).toBe(true);
    session.terminate();
  });

  it('never throws when the quota is full or the stored value is foreign', () => {
    localStorage.setItem(standaloneStorageKey('m'), '{not json');
    const full = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const session = new StandaloneSession({ moduleId: 'm', storage: () => full });
    expect(session.start().entry).toBe('ab-initio');
    expect(() => session.saveProgress({ location: 'a', suspendData: 'b' })).not.toThrow();
  });

  it('keeps nothing after terminate', () => {
    const session = new StandaloneSession({ moduleId: 'm', storage: () => localStorage });
    session.start();
    session.terminate();
    session.saveProgress({ location: 'late', suspendData: 'x' });
    expect(localStorage.getItem(standaloneStorageKey('m'))).not.toContain('late');
  });
});

describe('forgetStandaloneProgress', () => {
  beforeEach(() => localStorage.clear());

  it("removes this module's place, and a terminated session does not write it back", () => {
    const session = new StandaloneSession({ moduleId: 'm', storage: () => localStorage });
    session.start();
    session.saveProgress({ location: 'debrief', suspendData: '1|0120|d|5' });
    session.saveReflection('Kept in this browser.');
    localStorage.setItem(standaloneStorageKey('other'), 'another module');
    session.terminate();
    expect(forgetStandaloneProgress(() => localStorage, 'm')).toBe(true);
    session.saveProgress({ location: 'debrief', suspendData: '1|0120|d|6' });
    expect(localStorage.getItem(standaloneStorageKey('m'))).toBeNull();
    expect(localStorage.getItem(standaloneStorageKey('other'))).toBe('another module');
    expect(new StandaloneSession({ moduleId: 'm', storage: () => localStorage }).start()).toMatchObject({
      entry: 'ab-initio',
      suspendData: '',
      reflection: '',
    });
  });

  it('says so when the storage refuses, and never throws', () => {
    const refusing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(forgetStandaloneProgress(refusing, 'm')).toBe(false);
    expect(forgetStandaloneProgress(() => null, 'm')).toBe(true);
  });
});
