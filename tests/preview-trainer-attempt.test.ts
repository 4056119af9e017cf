/**
 * The preview's trainer view reads the stored CMI data as the trainer's report reads an LMS export: the
 * same analysis (src/report) and the same component, so the ending, the classes and the points agree.
 */

import { describe, expect, it } from 'vitest';
import { readModuleHistory } from '../plugins/trainer-report-plugin.ts';
import { trainerAttempt } from '../preview/app/trainer-attempt.ts';
import { trainerReport } from '../preview/app/trainer-report.ts';
import { reachedText, resultText, scoreText } from '../src/report/report-words.ts';
import type { Scenario } from '../src/scenario/model';
import { projectScenario } from './project-scenario';

const scenario: Scenario = projectScenario();
const history = readModuleHistory();

function interaction(n: number, id: string, response: string, result: string): Record<string, string> {
  return {
    [`cmi.interactions.${n}.id`]: id,
    [`cmi.interactions.${n}.type`]: 'choice',
    [`cmi.interactions.${n}.student_response`]: response,
    [`cmi.interactions.${n}.result`]: result,
  };
}

describe('the preview trainer view as the trainer report sees it', () => {
  it('names the ending, the result and the classes of a finished SCORM 1.2 attempt', () => {
    const report = trainerReport('scorm12', {
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '100',
      ...interaction(0, 'stage1_car_park', 'decline_clearly', 'correct'),
      ...interaction(1, 'stage2_facebook_message', 'preserve_and_report', 'correct'),
      ...interaction(2, 'stage3_flowers', 'return_and_transfer', 'correct'),
    });
    const { analysis, verdict } = trainerAttempt(scenario, history, 1, 'Preview, Learner', report);
    expect(verdict.kind).toBe('current');
    expect([scoreText(analysis), resultText(analysis), reachedText(analysis.reached, '1.1.0')]).toEqual([
      '100 %',
      'Passed',
      'The boundary holds',
    ]);
    expect(analysis.decisions.map((d) => d.choice?.class)).toEqual([
      'recommended',
      'recommended',
      'recommended',
    ]);
  });

  it('says "not finished" for an attempt in progress', () => {
    const report = trainerReport('scorm2004-4th', {
      'cmi.completion_status': 'incomplete',
      'cmi.interactions.0.id': 'stage1_car_park',
      'cmi.interactions.0.learner_response': 'walk_away',
      'cmi.interactions.0.result': 'incorrect',
    });
    const { analysis } = trainerAttempt(scenario, history, 1, 'Preview, Learner', report);
    expect([resultText(analysis), reachedText(analysis.reached, '1.1.0')]).toEqual([
      'Not finished',
      'Not finished',
    ]);
    expect(analysis.poor.map((d) => d.choiceId)).toEqual(['walk_away']);
  });
});
