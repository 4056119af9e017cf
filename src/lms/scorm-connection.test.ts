import { describe, expect, it } from 'vitest';
import { ALREADY_INITIALIZED } from './already-initialized.ts';
import type { LmsLogger } from './lms-logger.ts';
import type { LmsStatus } from './lms-port.ts';
import type { ScormCalls } from './scorm-api.ts';
import { LmsInitializeError, ScormConnection } from './scorm-connection.ts';

/** An API double that records calls; `commits` lists what each Commit returns ("throw" throws). */
function fakeCalls(script: { initialize?: string; commits?: string[]; terminates?: string[] } = {}) {
  const log: string[] = [];
  const commits = [...(script.commits ?? [])];
  const terminates = [...(script.terminates ?? [])];
  const answer = (queue: string[]) => {
    const next = queue.shift() ?? 'true';
    if (next === 'throw') throw new Error('network down');
    return next;
  };
  const record = <T>(call: string, result: () => T): T => {
    log.push(call);
    return result();
  };
  const calls: ScormCalls = {
    initialize: () => record('Initialize', () => script.initialize ?? 'true'),
    terminate: () => record('Terminate', () => answer(terminates)),
    getValue: (element) => record(`GetValue ${element}`, () => 'v'),
    setValue: (element, value) =>
      record(`SetValue ${element}=${value}`, () => (element.includes('bad') ? 'false' : 'true')),
    commit: () => record('Commit', () => answer(commits)),
    getLastError: () => record('GetLastError', () => '101'),
    getErrorString: () => 'General exception',
    getDiagnostic: () => 'store failed',
  };
  return { calls, log };
}

function quietLog() {
  const lines: string[] = [];
  const logger: LmsLogger = {
    warn: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
  };
  return { logger, lines };
}

function open(script: Parameters<typeof fakeCalls>[0] = {}) {
  const { calls, log } = fakeCalls(script);
  const { logger, lines } = quietLog();
  const connection = new ScormConnection(calls, { log: logger });
  const statuses: LmsStatus[] = [];
  connection.onStatus((status) => statuses.push(status));
  connection.initialize();
  return { connection, log, lines, statuses };
}

describe('ScormConnection', () => {
  it.each([
    ['scorm12', '101', 'not attempted', '0'],
    ['scorm2004', '103', 'unknown', '0'],
    // scorm-again 3.4.3 (2004) leaves the 103 standing after a GetValue that worked.
    ['scorm2004', '103', 'incomplete', '103'],
  ] as const)(
    'uses a %s session the LMS says is already open (%s) when GetValue still answers, and terminates it once',
    (standard, code, status, codeAfterRead) => {
      const log: string[] = [];
      let lastError: string = code;
      const calls: ScormCalls = {
        initialize: () => {
          log.push('Initialize');
          lastError = code;
          return 'false';
        },
        terminate: () => {
          log.push('Terminate');
          return 'true';
        },
        getValue: (element) => {
          log.push(`GetValue ${element}`);
          lastError = codeAfterRead;
          return status;
        },
        setValue: () => 'true',
        commit: () => 'true',
        getLastError: () => lastError,
        getErrorString: () => 'Already initialized',
        getDiagnostic: () => '',
      };
      const { logger, lines } = quietLog();
      const connection = new ScormConnection(calls, { log: logger });
      connection.initialize(ALREADY_INITIALIZED[standard]);
      expect(connection.isOpen).toBe(true);
      expect(lines[0]).toMatch(/^Initialize said the session is already open; using it/);
      expect(connection.terminate()).toBe(true);
      connection.terminate();
      expect(log).toEqual(['Initialize', `GetValue ${ALREADY_INITIALIZED[standard].probe}`, 'Terminate']);
    },
  );

  it.each([
    ['the probe reads nothing (not initialised after all)', '', '301'],
    ['the probe reads a word outside its vocabulary', 'bogus', '0'],
    ['the probe fails with a new error', 'incomplete', '122'],
  ])('refuses an "already initialised" session when %s', (_label, value, codeAfterRead) => {
    let lastError = '103';
    const calls: ScormCalls = {
      initialize: () => 'false',
      terminate: () => 'true',
      getValue: () => {
        lastError = codeAfterRead;
        return value;
      },
      setValue: () => 'true',
      commit: () => 'true',
      getLastError: () => lastError,
      getErrorString: () => '',
      getDiagnostic: () => '',
    };
    const connection = new ScormConnection(calls, { log: quietLog().logger });
    expect(() => connection.initialize(ALREADY_INITIALIZED.scorm2004)).toThrow(LmsInitializeError);
    expect(connection.isOpen).toBe(false);
  });

  it('treats an "already initialised" code as a refusal when not told what it means', () => {
    const { calls } = fakeCalls({ initialize: 'false' });
    const connection = new ScormConnection(calls, { log: quietLog().logger });
    expect(() => connection.initialize()).toThrow(LmsInitializeError);
  });

  it('throws LmsInitializeError with the code when Initialize is refused, and never retries it', () => {
    const { calls, log } = fakeCalls({ initialize: 'false' });
    const connection = new ScormConnection(calls, { log: quietLog().logger });
    expect(() => connection.initialize()).toThrow(LmsInitializeError);
    expect(() => connection.initialize()).toThrow(LmsInitializeError);
    expect(log.filter((call) => call === 'Initialize')).toHaveLength(1);
    expect(connection.get('cmi.mode')).toBe('');
  });

  it('skips Commit when nothing was written since the last one', () => {
    const { connection, log } = open();
    expect(connection.commit()).toBe(true);
    expect(log).not.toContain('Commit');
  });

  it('retries a refused Commit and reports saved when a later try succeeds', () => {
    const { connection, log, lines, statuses } = open({ commits: ['false', 'throw'] });
    connection.set('cmi.location', 'a');
    expect(connection.commit()).toBe(true);
    expect(log.filter((call) => call === 'Commit')).toHaveLength(3);
    expect(lines[0]).toContain('commit failed (try 1 of 3)');
    expect(lines[0]).toContain('"code":"101"');
    expect(lines[0]).toContain('store failed');
    expect(lines[1]).toContain('threw: network down');
    expect(statuses).toEqual([{ kind: 'saved' }]);
  });

  it('reports an error after three refusals and writes the values again before the next Commit', () => {
    const { connection, log, statuses } = open({ commits: ['false', 'false', 'false'] });
    connection.set('cmi.location', 'a');
    connection.set('cmi.suspend_data', '1|0|n|0');
    expect(connection.commit()).toBe(false);
    expect(statuses).toEqual([
      { kind: 'error', operation: 'commit', message: 'commit failed: General exception', code: '101' },
    ]);
    log.length = 0;
    expect(connection.commit()).toBe(true);
    expect(log).toEqual(['SetValue cmi.location=a', 'SetValue cmi.suspend_data=1|0|n|0', 'Commit']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('does not send a value twice when it was written again after the failed Commit', () => {
    const { connection, log } = open({ commits: ['false', 'false', 'false'] });
    connection.set('cmi.location', 'a');
    connection.set('cmi.suspend_data', 'old');
    connection.commit();
    connection.set('cmi.suspend_data', 'new');
    log.length = 0;
    connection.commit();
    expect(log).toEqual(['SetValue cmi.location=a', 'Commit']);
  });

  it('writes a refused value again before the next Commit, and reports saved only once it is accepted', () => {
    const { calls, log } = fakeCalls();
    let refuse = 2;
    const flaky: ScormCalls = {
      ...calls,
      setValue: (element, value) => {
        log.push(`SetValue ${element}=${value}`);
        if (element === 'cmi.interactions.0.result' && refuse-- > 0) return 'false';
        return 'true';
      },
    };
    const connection = new ScormConnection(flaky, { log: quietLog().logger });
    const statuses: LmsStatus[] = [];
    connection.onStatus((status) => statuses.push(status));
    connection.initialize();
    expect(connection.set('cmi.interactions.0.result', 'correct')).toBe(false);
    connection.set('cmi.location', 'a');
    // The Commit stores the location, but the refused result is still not written: the error stands.
    expect(connection.commit()).toBe(false);
    const refused = {
      kind: 'error',
      operation: 'write',
      message: 'cmi.interactions.0.result: General exception',
      code: '101',
    };
    expect(statuses).toEqual([refused, refused]);
    log.length = 0;
    expect(connection.commit()).toBe(true);
    expect(log).toEqual(['SetValue cmi.interactions.0.result=correct', 'Commit']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('forgets a refused value once a later write of the same element is accepted', () => {
    const { calls, log } = fakeCalls();
    const picky: ScormCalls = {
      ...calls,
      setValue: (element, value) => {
        log.push(`SetValue ${element}=${value}`);
        return value === 'refused' ? 'false' : 'true';
      },
    };
    const connection = new ScormConnection(picky, { log: quietLog().logger });
    const statuses: LmsStatus[] = [];
    connection.onStatus((status) => statuses.push(status));
    connection.initialize();
    connection.set('cmi.exit', 'refused');
    connection.set('cmi.exit', 'suspend');
    log.length = 0;
    expect(connection.commit()).toBe(true);
    expect(log).toEqual(['Commit']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('tries a write through trySet once, without keeping it for later', () => {
    const { connection, log } = open();
    expect(connection.trySet('cmi.bad.id', 'x')).toMatchObject({ kind: 'error', code: '101' });
    connection.set('cmi.location', 'a');
    expect(connection.commit()).toBe(true);
    expect(log.filter((call) => call.startsWith('SetValue cmi.bad'))).toHaveLength(1);
  });

  it('makes the writes registered with beforeSave before each save, and holds "saved" back while they wait', () => {
    const { connection, log, statuses } = open();
    const waiting: LmsStatus = { kind: 'error', operation: 'write', message: 'decision waits', code: '351' };
    let held: LmsStatus | null = waiting;
    connection.beforeSave(() => {
      log.push('beforeSave');
      return held;
    });
    connection.set('cmi.location', 'a');
    expect(connection.commit()).toBe(false);
    expect(statuses).toEqual([waiting]);
    held = null;
    connection.set('cmi.location', 'b');
    expect(connection.commit()).toBe(true);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(log.filter((call) => call === 'beforeSave' || call === 'Commit')).toEqual([
      'beforeSave',
      'Commit',
      'beforeSave',
      'Commit',
    ]);
  });

  it('reports a refused write with the element and code', () => {
    const { connection, statuses } = open();
    expect(connection.set('cmi.bad', 'x')).toBe(false);
    expect(statuses).toEqual([
      { kind: 'error', operation: 'write', message: 'cmi.bad: General exception', code: '101' },
    ]);
  });

  it('terminates once, and nothing reaches the API afterwards', () => {
    const { connection, log } = open();
    expect(connection.terminate()).toBe(true);
    expect(connection.terminate()).toBe(false);
    expect(connection.set('cmi.location', 'b')).toBe(false);
    expect(connection.commit()).toBe(false);
    expect(connection.get('cmi.location')).toBe('');
    expect(log).toEqual(['Initialize', 'Terminate']);
  });

  it('calls Terminate once even when the LMS refuses it, and reports the refusal', () => {
    const { connection, log, statuses } = open({ terminates: ['false', 'true'] });
    expect(connection.terminate()).toBe(false);
    expect(connection.terminate()).toBe(false);
    expect(log.filter((call) => call === 'Terminate')).toHaveLength(1);
    expect(statuses).toEqual([
      { kind: 'error', operation: 'terminate', message: 'terminate failed: General exception', code: '101' },
    ]);
  });

  it('keeps going when a status listener throws', () => {
    const { connection, lines } = open();
    connection.onStatus(() => {
      throw new Error('listener bug');
    });
    connection.set('cmi.location', 'a');
    expect(connection.commit()).toBe(true);
    expect(lines.some((line) => line.includes('a status listener threw'))).toBe(true);
  });
});
