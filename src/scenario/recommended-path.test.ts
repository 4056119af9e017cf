import { describe, expect, it } from 'vitest';
import { analysePaths } from './analyse-paths.ts';
import { buildScenario, choice, decision, ending, scene } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';
import { dottedIds } from './fixtures/dotted-ids.ts';
import { recommendedPath } from './recommended-path.ts';

describe('recommendedPath', () => {
  it('follows the recommended choice at each decision to its ending', () => {
    expect(recommendedPath(carPark)).toEqual([
      'intro',
      'car_park',
      'after_clear',
      'message',
      'ending_resolved',
    ]);
  });

  it('agrees with the full path analysis on the fixtures', () => {
    for (const scenario of [carPark, dottedIds]) {
      expect(recommendedPath(scenario)).toEqual(analysePaths(scenario).recommended?.nodes);
    }
  });

  it('evaluates branch conditions on what was chosen and scored so far, on scenes and on choices', () => {
    const scenario = buildScenario({ id: 'conditional', start: 'ask', passMark: 0.5, principles: ['p'] }, [
      decision('ask', [choice('no', { p: 2 }, 'after'), choice('yes', { p: 0 }, 'after')], 'no'),
      // A scene branch sees the score so far: 2 points after "no".
      scene('after', [{ when: { scoreAtLeast: 3 }, goto: 'ending_wrong' }, { goto: 'gift' }]),
      decision(
        'gift',
        [
          choice('return', { p: 1 }, [
            { when: { chose: ['ask.yes'] }, goto: 'ending_wrong' },
            // A choice's own branches count the choice itself: 2 + 1 = 3.
            { when: { scoreAtLeast: 3, notChose: ['ask.yes'] }, goto: 'ending_good' },
            { goto: 'ending_wrong' },
          ]),
          choice('keep', { p: 0 }, 'ending_wrong'),
        ],
        'return',
      ),
      ending('ending_good', 'good'),
      ending('ending_wrong', 'poor'),
    ]);
    expect(recommendedPath(scenario)).toEqual(['ask', 'after', 'gift', 'ending_good']);
  });

  it('stops where no branch holds, and gives up on a loop at the length limit', () => {
    const stuck = buildScenario({ id: 'stuck', start: 'intro', passMark: 0.5, principles: ['p'] }, [
      scene('intro', [{ when: { scoreAtLeast: 1 }, goto: 'end' }]),
      ending('end', 'good'),
    ]);
    expect(recommendedPath(stuck)).toEqual(['intro']);

    const loop = buildScenario({ id: 'loop', start: 'a', passMark: 0.5, principles: ['p'] }, [
      scene('a', 'b'),
      scene('b', 'a'),
      ending('end', 'good'),
    ]);
    expect(recommendedPath(loop)).toHaveLength(6);
  });
});
