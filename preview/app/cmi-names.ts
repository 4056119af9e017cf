// The same LMS concept under its SCORM 1.2 and SCORM 2004 element names.
import type { PreviewStandard } from '../package-info.ts';

export interface CmiNames {
  readonly entry: string;
  readonly exit: string;
  readonly mode: string;
  readonly credit: string;
  readonly learnerId: string;
  readonly learnerName: string;
  readonly masteryScore: string;
  readonly launchData: string;
  readonly completionThreshold: string | null;
  readonly sessionTime: string;
  readonly totalTime: string;
  readonly location: string;
  readonly learnerResponse: string;
  readonly interactionTime: string;
}

const SCORM12: CmiNames = {
  entry: 'cmi.core.entry',
  exit: 'cmi.core.exit',
  mode: 'cmi.core.lesson_mode',
  credit: 'cmi.core.credit',
  learnerId: 'cmi.core.student_id',
  learnerName: 'cmi.core.student_name',
  masteryScore: 'cmi.student_data.mastery_score',
  launchData: 'cmi.launch_data',
  completionThreshold: null,
  sessionTime: 'cmi.core.session_time',
  totalTime: 'cmi.core.total_time',
  location: 'cmi.core.lesson_location',
  learnerResponse: 'student_response',
  interactionTime: 'time',
};

const SCORM2004: CmiNames = {
  entry: 'cmi.entry',
  exit: 'cmi.exit',
  mode: 'cmi.mode',
  credit: 'cmi.credit',
  learnerId: 'cmi.learner_id',
  learnerName: 'cmi.learner_name',
  masteryScore: 'cmi.scaled_passing_score',
  launchData: 'cmi.launch_data',
  completionThreshold: 'cmi.completion_threshold',
  sessionTime: 'cmi.session_time',
  totalTime: 'cmi.total_time',
  location: 'cmi.location',
  learnerResponse: 'learner_response',
  interactionTime: 'timestamp',
};

export function cmiNames(standard: PreviewStandard): CmiNames {
  return standard === 'scorm12' ? SCORM12 : SCORM2004;
}
