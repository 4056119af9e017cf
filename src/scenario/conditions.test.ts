import { describe, expect, it } from 'vitest';
import { conditionHolds, factsAfterChoice, factsOf, nextNodeId } from './conditions.ts';
import { choice } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';

const facts = factsOf([{ decisionId: 'car_park', choiceId: 'deflect' }], 2);

describe('conditionHolds', () => {
  it('holds when no condition is given', () => {
    expect(conditionHolds(undefined, facts)).toBe(true);
    expect(conditionHolds({}, facts)).toBe(true);
  });

  it('checks chose and notChose against decisionId.choiceId pairs', () => {
    expect(conditionHolds({ chose: ['car_park.deflect'] }, facts)).toBe(true);
    expect(conditionHolds({ chose: ['car_park.decline_clearly'] }, facts)).toBe(false);
    expect(conditionHolds({ notChose: ['car_park.deflect'] }, facts)).toBe(false);
    expect(conditionHolds({ notChose: ['message.ignore'] }, facts)).toBe(true);
  });

  it('treats scoreAtLeast as inclusive and scoreBelow as exclusive', () => {
    expect(conditionHolds({ scoreAtLeast: 2 }, facts)).toBe(true);
    expect(conditionHolds({ scoreAtLeast: 3 }, facts)).toBe(false);
    expect(conditionHolds({ scoreBelow: 2 }, facts)).toBe(false);
    expect(conditionHolds({ scoreBelow: 3 }, facts)).toBe(true);
  });

  it('needs every given field to hold', () => {
    expect(conditionHolds({ chose: ['car_park.deflect'], scoreAtLeast: 3 }, facts)).toBe(false);
    expect(conditionHolds({ chose: ['car_park.deflect'], scoreBelow: 3 }, facts)).toBe(true);
  });
});

describe('factsAfterChoice', () => {
  it('counts the choice as chosen and its points as scored', () => {
    const reply = choice('reply', { boundary: 3, kindness: 2 }, 'x');
    const after = factsAfterChoice(facts, 'message', reply);
    expect(after.total).toBe(7);
    expect([...after.chosen].sort()).toEqual(['car_park.deflect', 'message.reply']);
    expect(facts.chosen.has('message.reply')).toBe(false);
  });
});

describe('nextNodeId', () => {
  const followUp = carPark.nodes.follow_up;
  const branches = followUp?.kind === 'scene' ? followUp.next : [];

  it('takes the first branch whose condition holds', () => {
    expect(nextNodeId(branches, factsOf([], 7))).toBe('ending_resolved');
    expect(nextNodeId(branches, factsOf([{ decisionId: 'message', choiceId: 'reply_warmly' }], 7))).toBe(
      'ending_uneasy',
    );
  });

  it('returns undefined when no branch holds', () => {
    expect(nextNodeId([{ when: { scoreAtLeast: 1 }, goto: 'x' }], factsOf([], 0))).toBeUndefined();
  });
});
