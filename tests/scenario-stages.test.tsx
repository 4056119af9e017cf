// @vitest-environment jsdom
/**
 * Stages are the author's to declare: a fifth stage is an edit to the scenario file alone, and the progress
 * bar and the debrief follow it. A stage named but not declared, or declared but never used, is an error at
 * its line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenarioFile } from '../plugins/load-scenario-file';
import { analysePaths } from '../src/scenario/analyse-paths';
import { formatProblem } from '../src/scenario/load/problem';
import type { Scenario } from '../src/scenario/model';
import { ModuleApp } from '../src/ui/module-app';
import { fixtureContext, fixtureProps } from '../src/ui/test-fixtures/module-app-props';
import { PROJECT_SCENARIO_FILE } from './project-scenario';

const project = path.resolve('.');
const workDir = mkdtempSync(path.join(tmpdir(), 'stages-'));
mkdirSync(path.join(workDir, 'scenarios'));
// The scenario's illustrations and pages are found beside it, as in the project.
symlinkSync(path.join(project, 'content'), path.join(workDir, 'content'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
afterEach(cleanup);

/** The project's scenario with `edit` applied to its YAML document, loaded as the build loads it. */
function loadEdited(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(readFileSync(PROJECT_SCENARIO_FILE, 'utf8'));
  edit(doc);
  const file = path.join(workDir, 'scenarios', `${name}.yaml`);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return { result: loadScenarioFile(file, { cwd: workDir }), source: doc.toString({ lineWidth: 0 }) };
}

function lineOf(source: string, text: string): number {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in the edited file`);
  return source.slice(0, index).split('\n').length;
}

/** Five numbered stages: the scenes between the decisions become stages of their own. */
function fiveStages(): Scenario {
  const { result } = loadEdited('five-stages', (doc) => {
    const stages = doc.get('stages') as { items: unknown[] };
    stages.items.splice(2, 0, doc.createNode({ id: 'the_next_day', title: 'The next day' }));
    stages.items.splice(4, 0, doc.createNode({ id: 'a_delivery', title: 'A delivery' }));
    for (const id of ['stage2_message_arrives', 'stage2_message_pressing'])
      doc.setIn(['nodes', id, 'stage'], 'the_next_day');
    for (const id of ['stage3_flowers_apology', 'stage3_flowers_unanswered', 'stage3_flowers_worse'])
      doc.setIn(['nodes', id, 'stage'], 'a_delivery');
  });
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('A fifth stage, added in the scenario file only', () => {
  const scenario = fiveStages();
  const best = analysePaths(scenario).recommended;

  it('numbers the stages in the order they are declared, the prologue outside the count', () => {
    expect(scenario.stages.map((s) => [s.id, s.number])).toEqual([
      ['prologue', undefined],
      ['car_park', 1],
      ['the_next_day', 2],
      ['online_contact', 3],
      ['a_delivery', 4],
      ['flowers', 5],
    ]);
  });

  it('shows "Stage 5 of 5" at the flowers decision, with four of five stages done', () => {
    if (!best) throw new Error('no recommended path');
    const at = best.nodes.indexOf('stage3_flowers');
    const answers = best.choices
      .map((ref) => ref.split('.'))
      .filter(([decisionId = '']) => best.nodes.indexOf(decisionId) < at)
      .map(([decisionId = '', choiceId = '']) => ({ decisionId, choiceId, shownAt: 1, at: 2 }));
    const context = fixtureContext({ path: best.nodes.slice(0, at + 1), answers });
    render(
      <ModuleApp
        {...fixtureProps({ scenario, screen: { name: 'node' }, nodeId: 'stage3_flowers', context })}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Stage 5 of 5' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['4', '5']);
  });

  it('names the new stage on a scene that moved into it', () => {
    const context = fixtureContext({ path: ['prologue', 'stage1_car_park', 'stage2_message_arrives'] });
    render(
      <ModuleApp
        {...fixtureProps({ scenario, screen: { name: 'node' }, nodeId: 'stage2_message_arrives', context })}
      />,
    );
    expect(screen.getByRole('progressbar', { name: 'Stage 2 of 5' })).toBeTruthy();
  });
});

describe('Stage mistakes', () => {
  it('reports a node naming an undeclared stage at its line, with the closest declared one', () => {
    const { result, source } = loadEdited('unknown-stage', (doc) =>
      doc.setIn(['nodes', 'stage1_car_park', 'stage'], 'car_prak'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.errors.find((p) => p.code === 'unknown-stage');
    expect(problem?.line).toBe(lineOf(source, 'stage: car_prak'));
    expect(problem?.message).toBe('stage names no stage "car_prak"');
    expect(problem?.hint).toContain('car_park');
  });

  it('reports a declared stage that no node uses at its line', () => {
    const { result, source } = loadEdited('unused-stage', (doc) => {
      (doc.get('stages') as { items: unknown[] }).items.push(
        doc.createNode({ id: 'aftermath', title: 'After' }),
      );
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((p) => [p.code, p.line])).toEqual([
      ['unused-stage', lineOf(source, 'id: aftermath')],
    ]);
  });

  it('reports a stage declared twice', () => {
    const { result, source } = loadEdited('duplicate-stage', (doc) => {
      (doc.get('stages') as { items: unknown[] }).items.push(
        doc.createNode({ id: 'flowers', title: 'Again' }),
      );
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((p) => p.message)).toContain(
      `duplicate stage id "flowers" (first used on line ${lineOf(source, '- id: flowers')})`,
    );
  });
});
