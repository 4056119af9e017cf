import { describe, expect, it } from 'vitest';
import {
  ANSWERED_VERB,
  CMI5_CATEGORY,
  type Cmi5StatementFacts,
  cmi5DefinedStatement,
  cmi5VerbOf,
  decisionStatement,
  inSession,
  MASTERY_SCORE_EXTENSION,
  MOVE_ON_CATEGORY,
  SESSION_ID_EXTENSION,
} from './cmi5-statements.ts';
import type { DecisionRecord } from './lms-port.ts';
import { CHOICE_CLASS_EXTENSION, POINTS_BY_PRINCIPLE_EXTENSION } from './xapi-iris.ts';

const publisher = { id: 'urn:gp-boundaries:module:m1:au' };
const facts: Cmi5StatementFacts = {
  actor: { objectType: 'Agent', name: 'Dr A', account: { homePage: 'https://lms.example', name: 'a1' } },
  activityId: 'https://lms.example/course/1/au/0',
  registration: '3307ea2e-be07-4429-83f9-f859106cbd95',
  contextTemplate: {
    contextActivities: { grouping: [publisher] },
    extensions: { [SESSION_ID_EXTENSION]: 'session-1' },
  },
  masteryScore: 0.75,
  moduleId: 'm1',
  language: 'en-GB',
};
const at = Date.UTC(2025, 4, 1, 10, 11, 12, 345);

const decision: DecisionRecord = {
  interactionId: 'stage2_message',
  description: 'A patient messages you on Facebook',
  responseId: 'reply_warmly',
  correctResponseId: 'decline_and_record',
  result: 'wrong',
  weighting: 4,
  latencyMs: 12_340,
  timestamp: at,
  detail: {
    title: 'The Facebook message',
    choiceClass: 'poor',
    points: -2,
    minPoints: -2,
    maxPoints: 4,
    pointsByPrinciple: { trust: -1, records: -1 },
    choices: [
      { id: 'decline_and_record', text: 'Declined, recorded it' },
      { id: 'reply_warmly', text: 'Replied warmly' },
    ],
  },
};

const categoriesOf = (statement: Record<string, unknown>) =>
  (
    statement.context as { contextActivities: { category?: { id: string }[] } }
  ).contextActivities.category?.map((c) => c.id);

describe('the cmi5-defined statements', () => {
  it('initialized: the AU as object, the template, registration and cmi5 category, no result', () => {
    const statement = cmi5DefinedStatement(facts, 'initialized', { id: 'id-1', at });
    expect(statement).toEqual({
      id: 'id-1',
      actor: facts.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
      object: { objectType: 'Activity', id: facts.activityId },
      context: {
        registration: facts.registration,
        contextActivities: { grouping: [publisher], category: [{ id: CMI5_CATEGORY }] },
        extensions: { [SESSION_ID_EXTENSION]: 'session-1' },
      },
      timestamp: '2025-05-01T10:11:12.345Z',
    });
  });

  it('completed: completion, duration and the moveOn category', () => {
    const statement = cmi5DefinedStatement(facts, 'completed', { id: 'id-2', at, durationMs: 754_500 });
    expect(statement.result).toEqual({ completion: true, duration: 'PT12M34.5S' });
    expect(categoriesOf(statement)).toEqual([CMI5_CATEGORY, MOVE_ON_CATEGORY]);
  });

  it('passed and failed: success, the score as SCORM records it, the mastery score in context', () => {
    const passed = cmi5DefinedStatement(facts, 'passed', {
      id: 'id-3',
      at,
      durationMs: 1000,
      score: { scaled: 0.8333333333, raw: 83.33 },
    });
    expect(passed.result).toEqual({
      success: true,
      score: { scaled: 0.833333, raw: 83.33, min: 0, max: 100 },
      duration: 'PT1S',
    });
    expect((passed.context as { extensions: object }).extensions).toEqual({
      [SESSION_ID_EXTENSION]: 'session-1',
      [MASTERY_SCORE_EXTENSION]: 0.75,
    });
    const failed = cmi5DefinedStatement(facts, 'failed', { id: 'id-4', at, score: { scaled: 0.5, raw: 50 } });
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0.5 } });
    expect(categoriesOf(failed)).toEqual([CMI5_CATEGORY, MOVE_ON_CATEGORY]);
  });

  it('keeps a score on the verdict’s side of the mastery score, however close', () => {
    const pass = cmi5DefinedStatement(facts, 'passed', {
      id: 'p',
      at,
      score: { scaled: 0.7499999999, raw: 75 },
    });
    expect((pass.result as { score: { scaled: number } }).score.scaled).toBe(0.75);
    const fail = cmi5DefinedStatement(facts, 'failed', {
      id: 'f',
      at,
      score: { scaled: 0.74999999, raw: 75 },
    });
    expect((fail.result as { score: { scaled: number } }).score.scaled).toBeLessThan(0.75);
  });

  it('leaves the mastery score out when the LMS set none', () => {
    const none = { ...facts, masteryScore: null };
    const passed = cmi5DefinedStatement(none, 'passed', { id: 'p', at, score: { scaled: 0.9, raw: 90 } });
    expect((passed.context as { extensions: object }).extensions).not.toHaveProperty(MASTERY_SCORE_EXTENSION);
  });

  it('terminated: the session’s duration, the cmi5 category only', () => {
    const statement = cmi5DefinedStatement(facts, 'terminated', { id: 'id-5', at, durationMs: 3_723_000 });
    expect(statement.result).toEqual({ duration: 'PT1H2M3S' });
    expect(categoriesOf(statement)).toEqual([CMI5_CATEGORY]);
    expect(cmi5VerbOf(statement)).toBe('terminated');
  });
});

describe('the decision statement', () => {
  const statement = decisionStatement(facts, decision, 'id-6');

  it('has the decision as object: our activity id, its name and summary in words, its choices', () => {
    expect(statement?.verb).toEqual({ id: ANSWERED_VERB, display: { 'en-US': 'answered' } });
    expect(statement?.object).toEqual({
      objectType: 'Activity',
      id: 'urn:gp-boundaries:module:m1:decision:stage2_message',
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        name: { 'en-GB': 'The Facebook message' },
        description: { 'en-GB': 'A patient messages you on Facebook' },
        interactionType: 'choice',
        correctResponsesPattern: ['decline_and_record'],
        choices: [
          { id: 'decline_and_record', description: { 'en-GB': 'Declined, recorded it' } },
          { id: 'reply_warmly', description: { 'en-GB': 'Replied warmly' } },
        ],
      },
    });
  });

  it('has the choice as response, success from its class, its points and points by principle', () => {
    expect(statement?.result).toEqual({
      response: 'reply_warmly',
      success: false,
      score: { raw: -2, min: -2, max: 4 },
      duration: 'PT12.34S',
      extensions: {
        [CHOICE_CLASS_EXTENSION]: 'poor',
        [POINTS_BY_PRINCIPLE_EXTENSION]: { trust: -1, records: -1 },
      },
    });
    expect(statement?.timestamp).toBe('2025-05-01T10:11:12.345Z');
  });

  it.each([
    ['recommended', true],
    ['acceptable', true],
    ['poor', false],
  ] as const)('counts a %s choice as success %s', (choiceClass, success) => {
    const made = decisionStatement(
      facts,
      { ...decision, detail: { ...(decision.detail as NonNullable<DecisionRecord['detail']>), choiceClass } },
      'x',
    );
    expect(made?.result).toMatchObject({ success });
  });

  it('is a cmi5 allowed statement: the session’s context, the AU as parent, no cmi5 category', () => {
    expect(statement?.context).toEqual({
      registration: facts.registration,
      contextActivities: {
        grouping: [publisher],
        parent: [{ objectType: 'Activity', id: facts.activityId }],
      },
      extensions: { [SESSION_ID_EXTENSION]: 'session-1' },
    });
    expect(statement && cmi5VerbOf(statement)).toBeNull();
  });

  it('is not made for a record without its detail', () => {
    const { detail: _detail, ...bare } = decision;
    expect(decisionStatement(facts, bare, 'x')).toBeNull();
  });
});

describe('inSession', () => {
  const later: Cmi5StatementFacts = {
    ...facts,
    contextTemplate: {
      contextActivities: { grouping: [publisher] },
      extensions: { [SESSION_ID_EXTENSION]: 'session-2' },
    },
  };

  it('moves an earlier session’s decision into this session, keeping id, result and time', () => {
    const old = decisionStatement(facts, decision, 'id-7');
    if (!old) throw new Error('no statement');
    const moved = inSession(old, later);
    expect(moved).toEqual({
      ...old,
      context: { ...(old.context as object), extensions: { [SESSION_ID_EXTENSION]: 'session-2' } },
    });
  });

  it('keeps a passed statement’s categories and mastery score', () => {
    const old = cmi5DefinedStatement(facts, 'passed', { id: 'id-8', at, score: { scaled: 0.9, raw: 90 } });
    const moved = inSession(old, later);
    expect(categoriesOf(moved)).toEqual([CMI5_CATEGORY, MOVE_ON_CATEGORY]);
    expect((moved.context as { extensions: object }).extensions).toEqual({
      [SESSION_ID_EXTENSION]: 'session-2',
      [MASTERY_SCORE_EXTENSION]: 0.75,
    });
    expect(cmi5VerbOf(moved)).toBe('passed');
  });
});
