import { describe, expect, it } from 'vitest';
import { buildScenario, choice, decision, ending } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';
import type { DecisionNode } from './model.ts';
import {
  addChoice,
  maxScore,
  passedFor,
  pathOutcomes,
  recommendedChoice,
  resultOf,
  scaled,
  scoreRange,
  zeroScores,
} from './scoring.ts';

function decisionOf(id: string): DecisionNode {
  const node = carPark.nodes[id];
  if (node?.kind !== 'decision') throw new Error(`fixture has no decision ${id}`);
  return node;
}

describe('scoreRange', () => {
  it('takes min and max over the paths a learner can actually walk', () => {
    expect(scoreRange(carPark)).toMatchObject({ min: 0, max: 9 });
  });

  it('gives each principle its own best path', () => {
    expect(scoreRange(carPark).maxByPrinciple).toEqual({ boundary: 6, kindness: 3 });
  });

  it('ignores points on choices whose branches never lead to an ending', () => {
    const dead = buildScenario({ id: 'dead', start: 'd', passMark: 0.5, principles: ['p'] }, [
      decision(
        'd',
        [
          choice('good', { p: 1 }, 'end'),
          choice('lost', { p: 10 }, [{ when: { scoreBelow: 0 }, goto: 'end' }]),
        ],
        'good',
      ),
      ending('end', 'good'),
    ]);
    expect(maxScore(dead)).toBe(1);
  });
});

describe('addChoice', () => {
  it('adds the choice total and each principle, keeping principles it does not score', () => {
    const scores = addChoice(zeroScores(carPark), choice('c', { boundary: 2 }, 'x'));
    expect(scores).toEqual({ total: 2, byPrinciple: { boundary: 2, kindness: 0 } });
  });
});

describe('passedFor', () => {
  it('passes at exactly passMark × max even where floating point overshoots (0.28 × 25)', () => {
    const scenario = buildScenario({ id: 'fp', start: 'd', passMark: 0.28, principles: ['p'] }, [
      decision(
        'd',
        [choice('best', { p: 25 }, 'end'), choice('ok', { p: 7 }, 'end'), choice('low', { p: 6 }, 'end')],
        'best',
      ),
      ending('end', 'good'),
    ]);
    expect(0.28 * 25).toBeGreaterThan(7);
    expect(passedFor(scenario, 7)).toBe(true);
    expect(passedFor(scenario, 6)).toBe(false);
  });

  it('uses the scenario pass mark unless the LMS supplies its own', () => {
    expect(passedFor(carPark, 7)).toBe(true);
    expect(passedFor(carPark, 5)).toBe(false);
    expect(passedFor(carPark, 5, 0.5)).toBe(true);
    expect(passedFor(carPark, 7, 0.9)).toBe(false);
  });
});

describe('scaled', () => {
  it('divides by the maximum and stays inside SCORM 2004 [-1, 1]', () => {
    expect(scaled(9, 9)).toBe(1);
    expect(scaled(3, 12)).toBe(0.25);
    expect(scaled(20, 10)).toBe(1);
    expect(scaled(-20, 10)).toBe(-1);
  });

  it('is 0 when nothing can be scored', () => {
    expect(scaled(0, 0)).toBe(0);
  });
});

describe('resultOf', () => {
  it('calls the recommended choice correct', () => {
    expect(resultOf(decisionOf('car_park'), 'decline_clearly')).toBe('correct');
    expect(recommendedChoice(decisionOf('car_park'))?.id).toBe('decline_clearly');
  });

  it('calls a poor choice wrong', () => {
    expect(resultOf(decisionOf('car_park'), 'accept_drink')).toBe('wrong');
    expect(resultOf(decisionOf('message'), 'ignore')).toBe('wrong');
    expect(resultOf(decisionOf('message'), 'reply_warmly')).toBe('wrong');
  });

  it('calls an acceptable choice neutral', () => {
    expect(resultOf(decisionOf('car_park'), 'deflect')).toBe('neutral');
  });

  it('goes by the class, not the points', () => {
    // The loader would refuse these points (a poor choice above an acceptable one); resultOf never reads them.
    const byClass = decision(
      'd',
      [
        choice('best', { p: 5 }, 'end'),
        choice('near_miss', { p: 0 }, 'end', 'acceptable'),
        choice('poor_but_positive', { p: -1, q: 2 }, 'end', 'poor'),
        choice('worst', { p: -3 }, 'end', 'poor'),
      ],
      'best',
    );
    expect(byClass.choices.map((c) => [c.id, resultOf(byClass, c.id)])).toEqual([
      ['best', 'correct'],
      ['near_miss', 'neutral'],
      ['poor_but_positive', 'wrong'],
      ['worst', 'wrong'],
    ]);
  });

  it('calls an id the decision does not have neutral', () => {
    expect(resultOf(decisionOf('car_park'), 'no_such_choice')).toBe('neutral');
  });
});

describe('pathOutcomes', () => {
  it('walks every path to its ending with the choices made and the scores earned', () => {
    expect(pathOutcomes(carPark).map((p) => [p.choices.join(' '), p.ending, p.scores.total])).toEqual([
      ['car_park.decline_clearly message.ignore', 'ending_resolved', 5],
      ['car_park.decline_clearly message.reply_professionally', 'ending_resolved', 9],
      ['car_park.decline_clearly message.reply_warmly', 'ending_uneasy', 5],
      ['car_park.deflect message.ignore', 'ending_uneasy', 3],
      ['car_park.deflect message.reply_professionally', 'ending_resolved', 7],
      ['car_park.deflect message.reply_warmly', 'ending_uneasy', 3],
      ['car_park.accept_drink', 'ending_referral', 0],
    ]);
  });
});
