// The stored attempt as the trainer's report reads an LMS export (src/report): the same analysis and the same
// per-trainee component, so what an author sees here is what a trainer sees in dist/trainer-report.html.
import { type AttemptAnalysis, analyseAttempt } from '../../src/report/analyse-attempt.ts';
import {
  identifyVersion,
  type ModuleHistory,
  type VersionVerdict,
} from '../../src/report/module-versions.ts';
import type { AttemptRecord, AttemptStatus } from '../../src/report/moodle-report.ts';
import type { TraineeAttempt } from '../../src/report/trainees.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import type { TrainerReport } from './trainer-report.ts';

export const PREVIEW_SOURCE = 'the preview LMS (as stored at the last commit)';

export function trainerAttempt(
  scenario: Scenario,
  history: ModuleHistory,
  attempt: number,
  learnerName: string,
  report: TrainerReport,
): TraineeAttempt {
  const value = (label: string): string => report.summary.find(([l]) => l === label)?.[1] ?? '';
  const record: AttemptRecord = {
    name: learnerName,
    email: '',
    attempt,
    startedOn: '',
    lastAccessedOn: '',
    score: statusOf(report) === 'scored' ? Number.parseFloat(value('Score raw')) : null,
    status: statusOf(report),
    interactions: report.interactions.map((i, index) => ({
      index,
      question: i.id,
      response: i.learnerResponse,
      rightAnswer: i.correctResponse.split(' | ')[0] ?? '',
      result: i.result,
    })),
    source: PREVIEW_SOURCE,
    row: 0,
  };
  const analysis: AttemptAnalysis = analyseAttempt(scenario, record, scenario.passMark);
  const pairs = analysis.decisions.map((d) => ({ decisionId: d.decisionId, choiceId: d.choiceId }));
  const verdict: VersionVerdict = identifyVersion(
    history,
    scenario,
    pairs,
    analysis.reached.kind === 'off-path' ? 1 : 0,
    analysis.decisions.filter((d) => d.resultDiffers).length,
  );
  return { analysis, fileName: PREVIEW_SOURCE, verdict };
}

/** Scored once the module sent a score (it does so only at the end); not attempted before any data. */
function statusOf(report: TrainerReport): AttemptStatus {
  const value = (label: string): string => report.summary.find(([l]) => l === label)?.[1] ?? '';
  if (value('Score raw') !== '' && !Number.isNaN(Number.parseFloat(value('Score raw')))) return 'scored';
  const status = value('Lesson status') || value('Completion status');
  return status === '' || status === 'not attempted' ? 'not-attempted' : 'incomplete';
}
