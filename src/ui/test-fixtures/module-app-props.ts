import { vi } from 'vitest';
import type { ScenarioContext } from '../../scenario/model.ts';
import type { ModuleAppProps } from '../module-app.tsx';
import { fixtureScenario, recommendedPath } from './scenario.ts';

export function fixtureContext(overrides: Partial<ScenarioContext> = {}): ScenarioContext {
  return {
    path: ['prologue'],
    answers: [],
    scores: { total: 0, byPrinciple: {} },
    enteredAt: 1_000,
    ...overrides,
  };
}

/** A learner who took the recommended path to the good ending. */
export const finishedContext: ScenarioContext = fixtureContext({
  path: [...recommendedPath],
  answers: [
    { decisionId: 's1_car_park', choiceId: 'decline', shownAt: 1_000, at: 2_000 },
    { decisionId: 's3_flowers', choiceId: 'ignore', shownAt: 3_000, at: 4_000 },
  ],
  scores: { total: 3, byPrinciple: { boundary: 3, record: 0 } },
});

/** Props for a learner on the start screen; spies for every callback. */
export function fixtureProps(overrides: Partial<ModuleAppProps> = {}): ModuleAppProps {
  return {
    scenario: fixtureScenario,
    title: 'Boundaries fixture',
    nodeId: 'prologue',
    context: fixtureContext(),
    ended: false,
    passed: null,
    passMark: 0.7,
    maxScore: 9,
    minScore: -3,
    recommendedPath,
    provider: 'Boundaries fixture project',
    screen: { name: 'start' },
    onScreen: vi.fn(),
    send: vi.fn(),
    learnerName: null,
    reviewing: false,
    notices: [],
    reflection: '',
    onReflection: vi.fn(),
    timeSpentSeconds: 0,
    completedAt: null,
    ...overrides,
  };
}
