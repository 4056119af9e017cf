import { describe, expect, it } from 'vitest';
import { pathRows, recommendedByPrinciple, scorePercent } from './debrief-data.ts';
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

describe('pathRows', () => {
  it('pairs each choice with the recommended one', () => {
    const rows = pathRows(fixtureScenario, [{ decisionId: 's1_car_park', choiceId: 'accept' }]);
    expect(rows.map((r) => [r.decision.id, r.chosenLabel, r.recommendedLabel, r.matched])).toEqual([
      ['s1_car_park', 'Say yes <img src=x onerror=alert(1)>', 'Decline kindly but clearly.', false],
    ]);
  });
});
