import { describe, expect, it, vi } from 'vitest';
import { type Actor, createActor } from 'xstate';
import { compileScenario, type ScenarioMachine } from './compile-machine.ts';
import { carPark } from './fixtures/car-park.ts';
import { dottedIds } from './fixtures/dotted-ids.ts';
import type { ScenarioEmitted, ScenarioEvent } from './model.ts';

function start(machine: ScenarioMachine = compileScenario(carPark)) {
  const actor = createActor(machine, { input: { startedAt: 1000 } });
  const emitted: ScenarioEmitted[] = [];
  actor.on('*', (event) => emitted.push(event));
  actor.start();
  return { actor, emitted };
}

function send(actor: Actor<ScenarioMachine>, ...events: ScenarioEvent[]) {
  for (const event of events) actor.send(event);
}

/**
 * Sends events after the actor reached an ending (a final state). xstate drops each one and, in its development
 * build (the one tests run), says so with a console warning: that warning is the expected result here, so it is
 * captured instead of printed, and checked, which shows each event was dropped by the stopped actor.
 */
function sendAfterEnding(actor: Actor<ScenarioMachine>, ...events: ScenarioEvent[]) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    send(actor, ...events);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual(
      events.map((event) => expect.stringContaining(`Event "${event.type}" was sent to stopped actor`)),
    );
  } finally {
    warn.mockRestore();
  }
}

const toMessage: ScenarioEvent[] = [
  { type: 'CONTINUE', at: 2000 },
  { type: 'CHOOSE', choiceId: 'deflect', at: 3000 },
  { type: 'CONTINUE', at: 4000 },
];

describe('compileScenario', () => {
  it('starts at the start node with no answers, zero scores and the given start time', () => {
    const { actor } = start();
    expect(actor.getSnapshot().value).toBe('intro');
    expect(actor.getSnapshot().context).toEqual({
      path: ['intro'],
      answers: [],
      scores: { total: 0, byPrinciple: { boundary: 0, kindness: 0 } },
      enteredAt: 1000,
    });
  });

  it('moves a scene on with CONTINUE and stamps when the next node was entered', () => {
    const { actor } = start();
    send(actor, { type: 'CONTINUE', at: 2000 });
    expect(actor.getSnapshot().value).toBe('car_park');
    expect(actor.getSnapshot().context.enteredAt).toBe(2000);
  });

  it('records a choice with the time the decision was shown and the time it was made', () => {
    const { actor } = start();
    send(actor, { type: 'CONTINUE', at: 2000 }, { type: 'CHOOSE', choiceId: 'deflect', at: 3500 });
    const { context } = actor.getSnapshot();
    expect(context.answers).toEqual([
      { decisionId: 'car_park', choiceId: 'deflect', shownAt: 2000, at: 3500 },
    ]);
    expect(context.scores).toEqual({ total: 2, byPrinciple: { boundary: 1, kindness: 1 } });
    expect(context.path).toEqual(['intro', 'car_park', 'after_vague']);
  });

  it('emits decision.made with the answer and the scores after it', () => {
    const { actor, emitted } = start();
    send(actor, { type: 'CONTINUE', at: 2000 }, { type: 'CHOOSE', choiceId: 'decline_clearly', at: 3000 });
    expect(emitted).toEqual([
      {
        type: 'decision.made',
        decisionId: 'car_park',
        choiceId: 'decline_clearly',
        answer: { decisionId: 'car_park', choiceId: 'decline_clearly', shownAt: 2000, at: 3000 },
        scores: { total: 4, byPrinciple: { boundary: 3, kindness: 1 } },
      },
    ]);
  });

  it("tests a choice's branches after adding its score: 4 + ignore's 1 reaches scoreAtLeast 5", () => {
    const { actor } = start();
    send(
      actor,
      { type: 'CONTINUE', at: 2000 },
      { type: 'CHOOSE', choiceId: 'decline_clearly', at: 3000 },
      { type: 'CONTINUE', at: 4000 },
      { type: 'CHOOSE', choiceId: 'ignore', at: 5000 },
    );
    expect(actor.getSnapshot().value).toBe('ending_resolved');
  });

  it('falls through to the next branch when a condition does not hold', () => {
    const { actor } = start();
    send(actor, ...toMessage, { type: 'CHOOSE', choiceId: 'ignore', at: 5000 });
    expect(actor.getSnapshot().value).toBe('ending_uneasy');
  });

  it('follows chose conditions on choices and scene branches on the running total', () => {
    const { actor } = start();
    send(actor, ...toMessage, { type: 'CHOOSE', choiceId: 'reply_professionally', at: 5000 });
    expect(actor.getSnapshot().value).toBe('follow_up');
    send(actor, { type: 'CONTINUE', at: 6000 });
    expect(actor.getSnapshot().value).toBe('ending_resolved');
  });

  it('finishes at an ending and emits scenario.ended once, passed by the pass mark', () => {
    const { actor, emitted } = start();
    send(actor, ...toMessage, { type: 'CHOOSE', choiceId: 'reply_professionally', at: 5000 });
    send(actor, { type: 'CONTINUE', at: 6000 });
    expect(actor.getSnapshot().status).toBe('done');
    sendAfterEnding(actor, { type: 'CONTINUE', at: 7000 });
    const ended = emitted.filter((e) => e.type === 'scenario.ended');
    expect(ended).toEqual([
      {
        type: 'scenario.ended',
        endingId: 'ending_resolved',
        scores: { total: 7, byPrinciple: { boundary: 4, kindness: 3 } },
        passed: true,
      },
    ]);
  });

  it("judges passed by the LMS's pass mark when one is given", () => {
    const { actor, emitted } = start(compileScenario(carPark, { passMark: 0.9 }));
    send(actor, ...toMessage, { type: 'CHOOSE', choiceId: 'reply_professionally', at: 5000 });
    send(actor, { type: 'CONTINUE', at: 6000 });
    expect(emitted.find((e) => e.type === 'scenario.ended')).toMatchObject({ passed: false });
  });

  it('ignores an unknown choice, a choice in a scene and CONTINUE at a decision', () => {
    const { actor, emitted } = start();
    send(actor, { type: 'CHOOSE', choiceId: 'deflect', at: 1500 });
    expect(actor.getSnapshot().value).toBe('intro');
    send(actor, { type: 'CONTINUE', at: 2000 });
    const atDecision = actor.getSnapshot().context;
    send(actor, { type: 'CHOOSE', choiceId: 'no_such_choice', at: 2500 }, { type: 'CONTINUE', at: 2600 });
    expect(actor.getSnapshot().value).toBe('car_park');
    expect(actor.getSnapshot().context).toEqual(atDecision);
    expect(emitted).toEqual([]);
  });

  it('ignores events after an ending', () => {
    const { actor } = start();
    send(actor, { type: 'CONTINUE', at: 2000 }, { type: 'CHOOSE', choiceId: 'accept_drink', at: 3000 });
    const ended = actor.getSnapshot().context;
    sendAfterEnding(actor, { type: 'CONTINUE', at: 4000 }, { type: 'CHOOSE', choiceId: 'deflect', at: 5000 });
    expect(actor.getSnapshot().value).toBe('ending_referral');
    expect(actor.getSnapshot().context).toEqual(ended);
  });

  it('continues identically from a persisted snapshot taken at any step', () => {
    const machine = compileScenario(carPark);
    const events: ScenarioEvent[] = [
      ...toMessage,
      { type: 'CHOOSE', choiceId: 'reply_professionally', at: 5000 },
      { type: 'CONTINUE', at: 6000 },
    ];
    const whole = start(machine);
    send(whole.actor, ...events);
    for (let cut = 0; cut <= events.length; cut++) {
      const first = start(machine);
      send(first.actor, ...events.slice(0, cut));
      const persisted = JSON.parse(JSON.stringify(first.actor.getPersistedSnapshot()));
      const resumed = createActor(machine, { snapshot: persisted, input: { startedAt: 0 } });
      const emitted: ScenarioEmitted[] = [];
      resumed.on('*', (event) => emitted.push(event));
      resumed.start();
      send(resumed, ...events.slice(cut));
      expect(resumed.getSnapshot().context).toEqual(whole.actor.getSnapshot().context);
      expect(resumed.getSnapshot().status).toBe('done');
      expect([...first.emitted, ...emitted]).toEqual(whole.emitted);
    }
  });

  it('handles ids containing dots, which xstate would read as paths', () => {
    const machine = compileScenario(dottedIds);
    const { actor, emitted } = start(machine);
    send(actor, { type: 'CONTINUE', at: 2000 });
    const resumed = createActor(machine, {
      snapshot: actor.getPersistedSnapshot(),
      input: { startedAt: 0 },
    }).start();
    send(resumed, { type: 'CHOOSE', choiceId: 'say.no', at: 3000 });
    expect(resumed.getSnapshot().value).toBe('end.good');
    expect(resumed.getSnapshot().context.scores.byPrinciple).toEqual({ 'p.one': 2 });
    expect(emitted).toEqual([]);
  });

  it('describes each state in its meta: the node kind and its choices in order', () => {
    const machine = compileScenario(carPark);
    expect(machine.root.states.car_park?.meta).toEqual({
      kind: 'decision',
      choices: ['decline_clearly', 'deflect', 'accept_drink'],
    });
    expect(machine.root.states.intro?.meta).toEqual({ kind: 'scene', choices: [] });
  });
});
