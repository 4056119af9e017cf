/**
 * The record an LMS must hold once a path is played to its end, in either standard: score, status, exit,
 * one interaction per decision and one objective per principle. Shared by the jsdom tests of every path
 * (tests/module-every-path.test.ts) and the browser tests of the built zips (tests/preview-packages.test.ts),
 * so the module and the package we ship are held to the same record.
 */
import { expect } from 'vitest';
import { reportedStatus, type StatusReporting } from '../src/lms/status-reporting.ts';
import type { ScenarioPath } from '../src/scenario/analyse-paths.ts';
import type { Scenario } from '../src/scenario/model.ts';

export type RecordStandard = 'scorm12' | 'scorm2004';
export type CmiRecord = Readonly<Record<string, unknown>>;

/** The score an LMS gets: a percentage of the best path's total, 2 decimals. */
export function percentOf(path: ScenarioPath, maxScore: number): number {
  return Math.round((path.scores.total / maxScore) * 10000) / 100;
}

export function interactionIds(cmi: CmiRecord): string[] {
  return Object.keys(cmi).filter((key) => /^cmi\.interactions\.\d+\.id$/.test(key));
}

export function responseKey(standard: RecordStandard, index: number): string {
  return `cmi.interactions.${index}.${standard === 'scorm12' ? 'student_response' : 'learner_response'}`;
}

export function expectFinalRecord(
  standard: RecordStandard,
  cmi: CmiRecord,
  path: ScenarioPath,
  scenario: Scenario,
  maxScore: number,
): void {
  const percent = percentOf(path, maxScore);
  const decisions = path.choices.map((key) => key.split('.') as [string, string]);
  const prefix = standard === 'scorm12' ? 'cmi.core.' : 'cmi.';
  expect(Number(cmi[`${prefix}score.raw`])).toBeCloseTo(percent, 2);
  expect(cmi[`${prefix}score.min`]).toBe('0');
  expect(cmi[`${prefix}score.max`]).toBe('100');
  if (standard === 'scorm12') {
    expect(cmi['cmi.core.lesson_status']).toBe(path.passed ? 'passed' : 'failed');
    expect(cmi['cmi.core.exit']).toBe('');
  } else {
    expect(cmi['cmi.completion_status']).toBe('completed');
    expect(cmi['cmi.success_status']).toBe(path.passed ? 'passed' : 'failed');
    expect(Number(cmi['cmi.score.scaled'])).toBeCloseTo(percent / 100, 3);
    // The default finished exit (gpb:scorm2004ExitWhenFinished): Moodle hands the attempt back on review.
    expect(cmi['cmi.exit']).toBe('suspend');
  }
  expect(interactionIds(cmi)).toHaveLength(decisions.length);
  const wrong = standard === 'scorm12' ? 'wrong' : 'incorrect';
  decisions.forEach(([decisionId, choiceId], index) => {
    const decision = scenario.nodes[decisionId];
    if (decision?.kind !== 'decision') throw new Error(`${decisionId} is not a decision`);
    const at = `cmi.interactions.${index}.`;
    expect(cmi[`${at}id`]).toBe(decisionId);
    expect(cmi[`${at}type`]).toBe('choice');
    expect(cmi[responseKey(standard, index)]).toBe(choiceId);
    expect(cmi[`${at}correct_responses.0.pattern`]).toBe(decision.recommended);
    // The choice's class decides the result: recommended → correct, acceptable → neutral, poor → wrong
    // (SCORM 1.2) or incorrect (2004).
    const choiceClass = decision.choices.find((choice) => choice.id === choiceId)?.class;
    const expected = { recommended: 'correct', acceptable: 'neutral', poor: wrong } as const;
    expect(cmi[`${at}result`], `${decisionId}.${choiceId} (${choiceClass})`).toBe(
      choiceClass === undefined ? 'no such choice' : expected[choiceClass],
    );
  });
  scenario.principles.forEach((principle, index) => {
    expect(cmi[`cmi.objectives.${index}.id`]).toBe(principle.id);
    expect(Number(cmi[`cmi.objectives.${index}.score.raw`])).toBe(path.scores.byPrinciple[principle.id] ?? 0);
  });
}

/**
 * The status elements and exit an LMS holds once a path is finished under a reporting choice
 * (src/lms/status-reporting.ts): 1.2 lesson_status; 2004 "completion/success". `sent`: as the module sent them
 * (what the LMS stores at the finishing Commit). `terminated`: after the session's Terminate, when a 2004 LMS
 * that applies RTE 4.2.22, as scorm-again does, has set success_status from score.scaled and the pass mark;
 * that changes only `completed`, which sends unknown (Moodle's own Terminate would not: it reads
 * "scaled_passed_score").
 */
export function reportedRecord(
  standard: RecordStandard,
  choice: StatusReporting,
  passed: boolean,
  when: 'sent' | 'terminated' = 'sent',
): { status: string; exit: string } {
  const reported = reportedStatus(choice, passed);
  if (standard === 'scorm12')
    return { status: reported.lessonStatus, exit: reported.attemptOpen ? 'suspend' : '' };
  const evaluated = when === 'terminated' && reported.success === 'unknown';
  const success = evaluated ? (passed ? 'passed' : 'failed') : reported.success;
  return { status: `${reported.completion}/${success}`, exit: 'suspend' };
}

/** What `reportedRecord` compares: the stored status elements and exit. */
export function recordedReport(standard: RecordStandard, cmi: CmiRecord): { status: string; exit: string } {
  return standard === 'scorm12'
    ? { status: String(cmi['cmi.core.lesson_status']), exit: String(cmi['cmi.core.exit']) }
    : {
        status: `${cmi['cmi.completion_status']}/${cmi['cmi.success_status']}`,
        exit: String(cmi['cmi.exit']),
      };
}
