import { describe, expect, it } from 'vitest';
import { playFigures } from './decision-figures.ts';
import type { ApiCall, ClickRecord } from './harness-types.ts';
import type { PlayStep, StepKind } from './play-through.ts';

let clock = 0;
function call(method: string, element: string | null = null, value: string | null = null, ms = 1): ApiCall {
  clock += 1;
  const start = clock;
  clock += ms;
  return { method, element, value, result: 'true', start, end: start + ms };
}
const step = (kind: StepKind, callIndex: number): PlayStep => ({
  kind,
  label: kind,
  callIndex,
  clickIndex: 0,
});
const click = (at: number, paintAt: number | null, firstFrameAt: number | null = paintAt): ClickRecord => ({
  at,
  target: 'button',
  mutatedAt: paintAt,
  firstFrameAt,
  paintAt,
  headingBefore: 'Scene',
  screenAt: null,
});

describe('playFigures', () => {
  it('counts calls from one confirm to the next, the scenes between included', () => {
    const calls = [
      call('Initialize'),
      call('GetValue', 'cmi.entry'),
      call('SetValue', 'cmi.interactions.0.id', 'a'), // confirm 1 at index 2
      call('Commit'),
      call('SetValue', 'cmi.location', 'n2'), // continue
      call('SetValue', 'cmi.interactions.1.id', 'b'), // confirm 2 at index 5
      call('Commit'),
    ];
    const steps = [step('continue', 0), step('confirm', 2), step('continue', 4), step('confirm', 5)];
    const figures = playFigures(steps, calls, []);
    expect(figures.launch.calls).toBe(2);
    expect(figures.decisions.map((d) => [d.calls, d.commits])).toEqual([
      [3, 1],
      [2, 1],
    ]);
    expect(figures.ending.calls).toBe(0);
  });

  it('puts the finishing writes of a decision that ends the scenario after its own commit', () => {
    const calls = [
      call('SetValue', 'cmi.interactions.0.id', 'a'),
      call('SetValue', 'cmi.suspend_data', '1|0|f|0'),
      call('Commit'),
      call('SetValue', 'cmi.score.raw', '80'),
      call('SetValue', 'cmi.completion_status', 'completed'),
      call('Commit'),
    ];
    const figures = playFigures([step('confirm', 0)], calls, []);
    expect(figures.decisions.map((d) => d.calls)).toEqual([3]);
    expect(figures.ending).toMatchObject({ calls: 3, commits: 1 });
  });

  it('tells the result writes from the decision when a click records, finishes, then saves progress', () => {
    const calls = [
      call('SetValue', 'cmi.interactions.2.id', 'c'),
      call('SetValue', 'cmi.objectives.0.id', 'boundary'),
      call('SetValue', 'cmi.completion_status', 'completed'),
      call('SetValue', 'cmi.exit', 'normal'),
      call('Commit'),
      call('SetValue', 'cmi.suspend_data', '1|012|f|9'),
      call('Commit'),
    ];
    const figures = playFigures([step('confirm', 0)], calls, []);
    expect(figures.decisions[0]).toMatchObject({ calls: 3, commits: 1 });
    expect(figures.ending).toMatchObject({ calls: 4, commits: 1 });
  });

  it('leaves a single Commit to the decision when it also carries the finish', () => {
    const calls = [
      call('SetValue', 'cmi.interactions.0.id', 'a'),
      call('SetValue', 'cmi.completion_status', 'completed'),
      call('Commit'),
    ];
    const figures = playFigures([step('confirm', 0)], calls, []);
    expect(figures.decisions[0]).toMatchObject({ calls: 2, commits: 1 });
    expect(figures.ending).toMatchObject({ calls: 1, commits: 0 });
  });

  it('starts the ending at the click that reaches it from a scene', () => {
    const calls = [
      call('SetValue', 'cmi.interactions.0.id', 'a'),
      call('Commit'),
      call('SetValue', 'cmi.completion_status', 'completed'),
      call('Commit'),
    ];
    const figures = playFigures([step('confirm', 0), step('continue', 2)], calls, []);
    expect(figures.decisions.map((d) => d.commits)).toEqual([1]);
    expect(figures.ending.calls).toBe(2);
  });

  it('charges a click with a commit that starts before its paint, and not one after', () => {
    clock = 100;
    const before = call('Commit', null, null, 600); // starts at 101, inside [100, 750]
    clock = 1000;
    const after = call('Commit', null, null, 600); // starts at 1001, after the paint at 950
    const figures = playFigures([], [before, after], [click(100, 750), click(900, 950)]);
    expect(figures.clicks.map((c) => c.blockedMs)).toEqual([600, 0]);
    expect(figures.commitMs).toEqual([600, 600]);
  });

  it('ends a click that changed nothing at the next rendering update', () => {
    clock = 10;
    const commit = call('Commit', null, null, 5); // starts at 11
    const figures = playFigures([], [commit], [click(10, null, 12)]);
    expect(figures.clicks[0]).toMatchObject({ windowMs: 2, commits: 1, blockedMs: 5 });
  });

  it('keeps the longest suspend_data the SCO set', () => {
    const calls = [
      call('SetValue', 'cmi.suspend_data', '1|0|n|1'),
      call('SetValue', 'cmi.suspend_data', '1|012|f|9'),
    ];
    expect(playFigures([], calls, []).longestSuspendData).toBe('1|012|f|9');
  });
});
