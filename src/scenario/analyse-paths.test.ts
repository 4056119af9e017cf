import { describe, expect, it } from 'vitest';
import { analysePaths } from './analyse-paths.ts';
import { compileScenario } from './compile-machine.ts';
import { buildScenario, choice, decision, ending, scene } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';
import { replaySteps } from './progress.ts';
import { scoreRange } from './scoring.ts';

const analysis = analysePaths(carPark);

describe('analysePaths', () => {
  it('lists every path with its choices, ending, total and pass/fail', () => {
    expect(
      analysis.paths.map((p) => [
        p.choices.map((c) => c.split('.')[1]).join(' '),
        p.ending,
        p.scores.total,
        p.passed,
      ]),
    ).toEqual([
      ['decline_clearly ignore', 'ending_resolved', 5, false],
      ['decline_clearly reply_professionally', 'ending_resolved', 9, true],
      ['decline_clearly reply_warmly', 'ending_uneasy', 5, false],
      ['deflect ignore', 'ending_uneasy', 3, false],
      ['deflect reply_professionally', 'ending_resolved', 7, true],
      ['deflect reply_warmly', 'ending_uneasy', 3, false],
      ['accept_drink', 'ending_referral', 0, false],
    ]);
  });

  it('gives each path its nodes from start to ending and its outcome', () => {
    expect(analysis.paths[4]).toMatchObject({
      nodes: ['intro', 'car_park', 'after_vague', 'message', 'follow_up', 'ending_resolved'],
      choices: ['car_park.deflect', 'message.reply_professionally'],
      steps: [0, 1, 0, 1, 0],
      outcome: 'good',
    });
  });

  it('agrees with the independent walk in scoring.ts on the score range', () => {
    const range = scoreRange(carPark);
    expect([analysis.minScore, analysis.maxScore]).toEqual([range.min, range.max]);
    expect(analysis.maxByPrinciple).toEqual(range.maxByPrinciple);
  });

  it('finds the recommended path by taking the recommended choice at every decision', () => {
    expect(analysis.recommended?.nodes).toEqual([
      'intro',
      'car_park',
      'after_clear',
      'message',
      'ending_resolved',
    ]);
    expect(analysis.recommended?.scores.total).toBe(9);
  });

  it('counts nodes, decisions, endings, paths and passes', () => {
    expect(analysis.counts).toEqual({
      nodes: 9,
      scenes: 4,
      decisions: 2,
      endings: 3,
      paths: 7,
      passing: 2,
      failing: 5,
    });
    expect(analysis.reachableEndings).toEqual(['ending_resolved', 'ending_uneasy', 'ending_referral']);
    expect(analysis.unreachableEndings).toEqual([]);
    expect(analysis.unfinished).toEqual([]);
  });

  it("judges pass/fail by the LMS's pass mark when one is given", () => {
    expect(analysePaths(carPark, { passMark: 0.5 }).counts.passing).toBe(4);
  });

  it('gives steps that replay each path to its ending', () => {
    const machine = compileScenario(carPark);
    for (const path of analysis.paths) {
      const replayed = replaySteps(machine, path.steps, 0);
      expect(replayed.ok && replayed.snapshot.context.path).toEqual(path.nodes);
    }
  });

  it('reports a path that gets stuck where no branch holds, and the ending it never reaches', () => {
    const stuck = buildScenario({ id: 'stuck', start: 'd', passMark: 0.5, principles: ['p'] }, [
      decision('d', [choice('go', { p: 1 }, 'end'), choice('wait', { p: 0 }, 'limbo')], 'go'),
      scene('limbo', [{ when: { scoreAtLeast: 5 }, goto: 'never' }]),
      ending('end', 'good'),
      ending('never', 'poor'),
    ]);
    const result = analysePaths(stuck);
    expect(result.unfinished).toEqual([{ nodes: ['d', 'limbo'], reason: 'stuck' }]);
    expect(result.unreachableEndings).toEqual(['never']);
  });

  it('stops a loop that can repeat for ever at the length limit and reports it', () => {
    const loop = buildScenario({ id: 'loop', start: 'd', passMark: 0.5, principles: ['p'] }, [
      decision('d', [choice('stop', { p: 1 }, 'end'), choice('again', { p: 0 }, 'retry')], 'stop'),
      scene('retry', 'd'),
      ending('end', 'good'),
    ]);
    const result = analysePaths(loop);
    expect(result.paths.length).toBeGreaterThan(1);
    expect(result.paths.every((path) => path.ending === 'end')).toBe(true);
    expect(result.unfinished.length).toBeGreaterThan(0);
    expect(result.unfinished.every((path) => path.reason === 'too long')).toBe(true);
  });
});
