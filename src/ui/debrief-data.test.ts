import { describe, expect, it } from 'vitest';
import { endingOf, mapSteps, recommendedByPrinciple, scorePercent } from './debrief-data.ts';
import { fixtureScenario, recommendedPath } from './test-fixtures/scenario.ts';

describe('scorePercent', () => {
  it('is the share of the maximum, rounded', () => {
    expect(scorePercent(7, 9)).toBe(78);
  });

  it('stays within 0–100 when the total is negative', () => {
    expect(scorePercent(-2, 9)).toBe(0);
  });
});

describe('recommendedByPrinciple', () => {
  it('sums the recommended choices on the recommended path', () => {
    expect(recommendedByPrinciple(fixtureScenario, recommendedPath)).toEqual({ boundary: 5, record: 4 });
  });
});

describe('mapSteps', () => {
  const summary = (steps: ReturnType<typeof mapSteps>) =>
    steps.map((s) => [s.decision.id, s.chosen?.id ?? null, s.recommended?.id]);

  it('pairs each choice with the recommended one, in the order made', () => {
    const answers = [
      { decisionId: 's1_car_park', choiceId: 'decline' },
      { decisionId: 's3_flowers', choiceId: 'ignore' },
    ];
    expect(summary(mapSteps(fixtureScenario, answers, recommendedPath))).toEqual([
      ['s1_car_park', 'decline', 'decline'],
      ['s3_flowers', 'ignore', 'record'],
    ]);
  });

  it('keeps the decisions of the recommended path that the learner never reached, where they fall', () => {
    const answers = [{ decisionId: 's1_car_park', choiceId: 'accept' }];
    expect(summary(mapSteps(fixtureScenario, answers, recommendedPath))).toEqual([
      ['s1_car_park', 'accept', 'decline'],
      ['s3_flowers', null, 'record'],
    ]);
    expect(summary(mapSteps(fixtureScenario, [], recommendedPath))).toEqual([
      ['s1_car_park', null, 'decline'],
      ['s3_flowers', null, 'record'],
    ]);
  });

  it('shows one step for a stage the learner met through a different decision than the recommended path', () => {
    const flowers = fixtureScenario.nodes.s3_flowers;
    if (flowers?.kind !== 'decision') throw new Error('fixture has no s3_flowers decision');
    const escalated = { ...flowers, id: 's3_escalated', title: 'A pattern, and your safety' };
    const scenario = { ...fixtureScenario, nodes: { ...fixtureScenario.nodes, s3_escalated: escalated } };
    const answers = [
      { decisionId: 's1_car_park', choiceId: 'decline' },
      { decisionId: 's3_escalated', choiceId: 'ignore' },
    ];
    expect(summary(mapSteps(scenario, answers, recommendedPath))).toEqual([
      ['s1_car_park', 'decline', 'decline'],
      ['s3_escalated', 'ignore', 'record'],
    ]);
  });

  it('lists a decision answered twice (a loop) twice, and ignores ids that are not decisions', () => {
    const answers = [
      { decisionId: 's1_car_park', choiceId: 'accept' },
      { decisionId: 's1_car_park', choiceId: 'decline' },
      { decisionId: 'prologue', choiceId: 'x' },
      { decisionId: 's3_flowers', choiceId: 'record' },
    ];
    expect(summary(mapSteps(fixtureScenario, answers, recommendedPath))).toEqual([
      ['s1_car_park', 'accept', 'decline'],
      ['s1_car_park', 'decline', 'decline'],
      ['s3_flowers', 'record', 'record'],
    ]);
  });
});

describe('endingOf', () => {
  it('gives the ending a node id names, and nothing for other nodes', () => {
    expect(endingOf(fixtureScenario, 'ending_good')?.title).toBe('The boundary holds');
    expect(endingOf(fixtureScenario, 's1_car_park')).toBeUndefined();
    expect(endingOf(fixtureScenario, undefined)).toBeUndefined();
  });
});
