import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileScenario } from './compile-machine.ts';
import { carPark } from './fixtures/car-park.ts';
import { dottedIds } from './fixtures/dotted-ids.ts';
import type { ScenarioEvent } from './model.ts';
import { eventForStep, replaySteps, restoreContext, stepsOf } from './progress.ts';

const machine = compileScenario(carPark);

function run(events: readonly ScenarioEvent[]) {
  const actor = createActor(machine, { input: { startedAt: 1000 } }).start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

const deflectThenReply: ScenarioEvent[] = [
  { type: 'CONTINUE', at: 2000 },
  { type: 'CHOOSE', choiceId: 'deflect', at: 3000 },
  { type: 'CONTINUE', at: 4000 },
  { type: 'CHOOSE', choiceId: 'reply_professionally', at: 5000 },
];

describe('stepsOf', () => {
  it('gives 0 for each scene left and the choice index for each decision', () => {
    expect(stepsOf(carPark, run(deflectThenReply).context)).toEqual([0, 1, 0, 1]);
  });

  it('is empty at the start', () => {
    expect(stepsOf(carPark, run([]).context)).toEqual([]);
  });
});

describe('replaySteps', () => {
  it('rebuilds the exact node, answers and scores from the steps alone', () => {
    const live = run(deflectThenReply);
    const replayed = replaySteps(machine, stepsOf(carPark, live.context), 9000);
    if (!replayed.ok) throw new Error(replayed.reason);
    expect(replayed.snapshot.value).toBe('follow_up');
    expect(replayed.snapshot.context.path).toEqual(live.context.path);
    expect(replayed.snapshot.context.scores).toEqual(live.context.scores);
    expect(replayed.snapshot.context.answers.map((a) => a.choiceId)).toEqual([
      'deflect',
      'reply_professionally',
    ]);
  });

  it('stamps every replayed event with the given time, since the steps keep no timestamps', () => {
    const replayed = replaySteps(machine, [0, 1], 9000);
    expect(replayed.ok && replayed.snapshot.context).toMatchObject({
      enteredAt: 9000,
      answers: [{ decisionId: 'car_park', choiceId: 'deflect', shownAt: 9000, at: 9000 }],
    });
  });

  it('gives a snapshot an actor resumes from', () => {
    const replayed = replaySteps(machine, [0, 1, 0, 1], 9000);
    if (!replayed.ok) throw new Error(replayed.reason);
    const actor = createActor(machine, { snapshot: replayed.snapshot, input: { startedAt: 0 } }).start();
    actor.send({ type: 'CONTINUE', at: 9500 });
    expect(actor.getSnapshot().value).toBe('ending_resolved');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('replays the path to an ending, ended', () => {
    const replayed = replaySteps(machine, [0, 2], 9000);
    expect(replayed.ok && replayed.snapshot.status).toBe('done');
  });

  it('refuses, with the index of the first bad step, steps that do not fit the scenario', () => {
    expect(replaySteps(machine, [1], 0)).toEqual({
      ok: false,
      step: 0,
      reason: 'a scene takes step 0, not 1',
    });
    expect(replaySteps(machine, [0, 3], 0)).toEqual({
      ok: false,
      step: 1,
      reason: 'the decision has no choice 3',
    });
    expect(replaySteps(machine, [0, -1], 0)).toMatchObject({ ok: false, step: 1 });
    expect(replaySteps(machine, [0, 0.5], 0)).toMatchObject({ ok: false, step: 1 });
    expect(replaySteps(machine, [0, 2, 0], 0)).toEqual({
      ok: false,
      step: 2,
      reason: 'the scenario has already ended',
    });
  });

  it('keeps the steps of the longest path well inside a 100-character suspend_data budget', () => {
    expect(
      stepsOf(carPark, run([...deflectThenReply, { type: 'CONTINUE', at: 6000 }]).context).join(''),
    ).toHaveLength(5);
  });
});

describe('restoreContext', () => {
  it('gives the context the steps lead to', () => {
    expect(restoreContext(carPark, [0, 0], 500)).toEqual({
      ok: true,
      context: {
        path: ['intro', 'car_park', 'after_clear'],
        answers: [{ decisionId: 'car_park', choiceId: 'decline_clearly', shownAt: 500, at: 500 }],
        scores: { total: 4, byPrinciple: { boundary: 3, kindness: 1 } },
        enteredAt: 500,
      },
    });
  });

  it('restores in scenarios whose ids contain dots', () => {
    const restored = restoreContext(dottedIds, [0, 1], 0);
    expect(restored.ok && restored.context.path).toEqual(['stage.1', 'stage.2', 'end.poor']);
  });

  it('reports steps for a different scenario instead of throwing', () => {
    expect(restoreContext(dottedIds, [0, 2], 0)).toMatchObject({ ok: false, step: 1 });
  });
});

describe('eventForStep', () => {
  it('turns a decision step into CHOOSE with the choice id at that index', () => {
    expect(eventForStep({ kind: 'decision', choices: ['a', 'b'] }, 1, 7)).toEqual({
      type: 'CHOOSE',
      choiceId: 'b',
      at: 7,
    });
  });
});
