import { describe, expect, it } from 'vitest';
import type { ApiCall, ClickRecord } from './harness-types.ts';
import type { PlayStep } from './play-through.ts';
import { percentile, resumeCmiOf, screenChanges, wrongScreens } from './screen-figures.ts';

const call = (method: string, start: number, element: string | null = null, value: string | null = null) =>
  ({ method, element, value, result: 'true', start, end: start + 600 }) satisfies ApiCall;
const click = (at: number, screenAt: number | null): ClickRecord => ({
  at,
  target: 'button',
  mutatedAt: at + 1,
  firstFrameAt: at + 5,
  paintAt: at + 5,
  headingBefore: 'Scene',
  screenAt,
});

describe('screenChanges', () => {
  it('leaves out a click whose heading only changed after the next click (a radio, then its confirm)', () => {
    expect(screenChanges([click(0, 300), click(200, 250)], []).map((c) => c.ms)).toEqual([50]);
  });

  it('times clicks that changed the heading, and counts a Commit that started inside the window', () => {
    const changes = screenChanges([click(0, 40), click(100, null), click(200, 260)], [call('Commit', 230)]);
    expect(changes.map((c) => [c.ms, c.commitMs])).toEqual([
      [40, 0],
      [60, 600],
    ]);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('resumeCmiOf', () => {
  const steps: PlayStep[] = [
    { kind: 'continue', label: 'Start', callIndex: 2, clickIndex: 0 },
    { kind: 'confirm', label: 'Confirm', callIndex: 3, clickIndex: 2 },
  ];
  it('stores what the SCO had set when the first decision was committed, as a resume', () => {
    const calls = [
      call('Initialize', 0),
      call('SetValue', 1, 'cmi.suspend_data', 'old'),
      call('SetValue', 2, 'cmi.location', 'n1'),
      call('SetValue', 3, 'cmi.suspend_data', '1|00|f|a'),
      call('Commit', 4),
      call('SetValue', 5, 'cmi.suspend_data', 'later'),
    ];
    expect(resumeCmiOf(steps, calls)).toEqual({
      entry: 'resume',
      completion_status: 'incomplete',
      suspend_data: '1|00|f|a',
      location: 'n1',
    });
  });
  it('skips a decision that ended the scenario: a finished try relaunched as incomplete starts afresh', () => {
    const ending = [
      call('Initialize', 0),
      call('SetValue', 1, 'cmi.suspend_data', 'start'),
      call('SetValue', 2, 'cmi.location', 'n0'),
      call('SetValue', 3, 'cmi.completion_status', 'completed'),
      call('Commit', 4),
    ];
    expect(resumeCmiOf(steps, ending)).toBeNull();
  });

  it('is null when no decision was committed', () => {
    expect(resumeCmiOf(steps, [call('Initialize', 0)])).toBeNull();
  });
});

describe('wrongScreens', () => {
  const paint = (heading: string) => ({ at: 0, heading });
  it('is empty when only the learner’s own screen was painted', () => {
    expect(wrongScreens([paint(''), paint('Feedback')], 'Welcome')).toEqual([]);
  });
  it('names the start screen painted before the learner’s own', () => {
    expect(wrongScreens([paint('Welcome'), paint(''), paint('Feedback')], 'Welcome')).toEqual(['Welcome']);
  });
  it('counts a launch that settled on the start screen as wrong', () => {
    expect(wrongScreens([paint('Welcome')], 'Welcome')).toEqual(['Welcome']);
  });
});
