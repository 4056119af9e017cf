/**
 * What the cmi5 tests check and do along a scenario path: the statements a session must leave in the LRS
 * (and the score SCORM 1.2 records for the same path), a place seeded in the State API, the rest of a path
 * played from there, and the figures per decision printed for the README.
 */
import { expect } from 'vitest';
import { encodeProgress } from '../../src/lms/suspend-data';
import { CHOICE_CLASS_EXTENSION, decisionIri, PROGRESS_STATE_ID } from '../../src/lms/xapi-iris';
import type { ScenarioPath } from '../../src/scenario/analyse-paths';
import type { Scenario } from '../../src/scenario/model';
import { t } from '../../src/ui/ui-text';
import { percentOf } from '../expected-final-record';
import { type Kit, type Launch, putState, type Statement, verbOf } from './cmi5-kit';
import { cmi5Traffic, describeCmi5Traffic, type LrsRequest } from './cmi5-lrs-traffic';
import type { ModuleDriver } from './frame-driver';

/** The cmi5 statements of `sessions` sessions, and a result equal to what SCORM 1.2 records for the path. */
export function expectSession(
  statements: Statement[],
  path: ScenarioPath,
  sessions: number,
  maxScore: number,
): void {
  const verbs = statements.map(verbOf);
  const count = (verb: string) => verbs.filter((v) => v === verb).length;
  expect(count('launched')).toBe(sessions);
  expect(count('initialized')).toBe(sessions);
  expect(count('terminated')).toBe(sessions);
  expect(count('completed')).toBe(1);
  expect(count(path.passed ? 'passed' : 'failed')).toBe(1);
  expect(count(path.passed ? 'failed' : 'passed')).toBe(0);
  expect(count('satisfied')).toBe(path.passed ? 1 : 0);
  const verdict = statements.find((s) => verbOf(s) === (path.passed ? 'passed' : 'failed'));
  const percent = percentOf(path, maxScore);
  // SCORM 1.2: cmi.core.score.raw = percent, min 0, max 100; lesson_status passed or failed.
  expect(verdict?.result).toMatchObject({ success: path.passed, score: { raw: percent, min: 0, max: 100 } });
  expect((verdict?.result?.score as { scaled?: number } | undefined)?.scaled).toBeCloseTo(percent / 100, 4);
  expect(verbs.indexOf('initialized')).toBeLessThan(verbs.indexOf('completed'));
  expect(verbs.lastIndexOf('terminated')).toBeGreaterThan(verbs.indexOf('completed'));
}

/** One answered statement per decision played (from `fromIndex` of the path on), with the choice and class. */
export function expectDecisions(
  scenario: Scenario,
  moduleId: string,
  statements: Statement[],
  path: ScenarioPath,
  fromIndex = 0,
): void {
  const answered = statements.filter((s) => verbOf(s) === 'answered');
  const played = path.nodes
    .map((id, i) => ({ node: scenario.nodes[id], step: path.steps[i] ?? 0, i }))
    .filter(({ node, i }) => node?.kind === 'decision' && i >= fromIndex);
  expect(answered).toHaveLength(played.length);
  played.forEach(({ node, step }, n) => {
    if (node?.kind !== 'decision') return;
    const choice = node.choices[step];
    const statement = answered[n];
    expect((statement?.object as { id?: string } | undefined)?.id).toBe(decisionIri(moduleId, node.id));
    expect(statement?.result).toMatchObject({
      response: choice?.id,
      success: choice?.class !== 'poor',
      score: { raw: choice?.total },
      extensions: { [CHOICE_CLASS_EXTENSION]: choice?.class },
    });
  });
}

export function lastDecisionIndex(scenario: Scenario, path: ScenarioPath): number {
  return path.nodes.reduce((last, id, i) => (scenario.nodes[id]?.kind === 'decision' ? i : last), -1);
}

/** The place a learner who left on node `index` of `path` has in the LRS (what the module writes there). */
export async function seedPlace(kit: Kit, launch: Launch, path: ScenarioPath, index: number): Promise<void> {
  const suspendData = encodeProgress({
    steps: path.steps.slice(0, index),
    screen: 'node',
    elapsedSeconds: 300,
  });
  await putState(kit, launch, PROGRESS_STATE_ID, {
    v: 1,
    at: Date.now(),
    location: path.nodes[index],
    suspendData,
    reflection: '',
    status: { completion: 'incomplete', success: 'unknown' },
  });
}

/** Plays `path` on from node `index`, where the module opened, to the debrief. */
export async function playFrom(
  scenario: Scenario,
  module: ModuleDriver,
  path: ScenarioPath,
  index: number,
): Promise<void> {
  for (let i = index; i < path.steps.length; i++) {
    const node = scenario.nodes[path.nodes[i] ?? ''];
    await module.expectScreen(node?.title ?? '');
    if (node?.kind === 'decision') await module.choose(node.id, path.steps[i] ?? 0);
    await module.click(t('continue'));
  }
  await module.expectScreen(scenario.nodes[path.ending]?.title ?? '');
  await module.click(t('toDebrief'));
  await module.expectScreen(t('debriefHeading'));
}

/** Statements and bytes the AU sent per decision on a whole path (printed for the README and the issue). */
export function reportFigures(requests: readonly LrsRequest[], path: ScenarioPath, name: string): void {
  const traffic = cmi5Traffic(requests, path.choices.length);
  console.log(
    `cmi5 figures, the ${name} path of ${traffic.decisions} decisions, as the AU sent them:\n` +
      describeCmi5Traffic(traffic).replace(/^/gm, '  '),
  );
}
