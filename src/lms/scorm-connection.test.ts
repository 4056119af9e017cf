import { describe, expect, it } from 'vitest';
import type { LmsStatus } from './lms-port.ts';
import type { ScormCalls } from './scorm-api.ts';
import { LmsInitializeError, type LmsLogger, ScormConnection } from './scorm-connection.ts';

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

  it('retries a refused Terminate within the one termination', () => {
    const { connection, log, statuses } = open({ terminates: ['false', 'true'] });
    expect(connection.terminate()).toBe(true);
    expect(log.filter((call) => call === 'Terminate')).toHaveLength(2);
    expect(statuses).toEqual([{ kind: 'saved' }]);
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
