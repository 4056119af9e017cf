// What a trainer sees in an LMS report for one attempt (Moodle's Track details and Interactions report):
// statuses, score, time, and each interaction. Pure, from stored CMI data.
import type { PreviewStandard } from '../package-info.ts';
import { cmiNames } from './cmi-names.ts';
import type { FlatCmi } from './flat-cmi.ts';

export interface InteractionRow {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly description: string;
  readonly learnerResponse: string;
  readonly correctResponse: string;
  readonly result: string;
  readonly latency: string;
  readonly time: string;
  readonly weighting: string;
}

export interface TrainerReport {
  /** Label and value pairs, in the order an LMS report shows them. */
  readonly summary: readonly (readonly [label: string, value: string])[];
  readonly interactions: readonly InteractionRow[];
  /** The values that make the recorded result, to compare before and after review mode. */
  readonly result: string;
}

export function trainerReport(standard: PreviewStandard, cmi: FlatCmi): TrainerReport {
  const names = cmiNames(standard);
  const get = (element: string): string => cmi[element] ?? '';
  const scorePrefix = standard === 'scorm12' ? 'cmi.core.score' : 'cmi.score';
  const score = (part: string): string => get(`${scorePrefix}.${part}`);
  const statuses: [string, string][] =
    standard === 'scorm12'
      ? [['Lesson status', get('cmi.core.lesson_status')]]
      : [
          ['Completion status', completionStatus(cmi)],
          ['Success status', successStatus(cmi)],
        ];
  const scores: [string, string][] = [
    ['Score raw', score('raw')],
    ['Score min', score('min')],
    ['Score max', score('max')],
  ];
  if (standard !== 'scorm12') scores.push(['Score scaled', score('scaled')]);
  const summary: [string, string][] = [
    ...statuses,
    ...scores,
    ['Total time', get(names.totalTime)],
    ['Exit', get(names.exit)],
    ['Location', get(names.location)],
    ['Suspend data', `${get('cmi.suspend_data').length} characters`],
  ];
  const result = [...statuses, ...scores].map(([label, value]) => `${label}: ${value || '—'}`).join('; ');
  return {
    summary,
    interactions: interactionRows(cmi, names.learnerResponse, names.interactionTime),
    result,
  };
}

// SCORM 2004 RTE 4.2.22: with a scaled_passing_score, the LMS reports success_status from score.scaled,
// whatever the SCO set ("unknown" when it sent no scaled score).
function successStatus(cmi: FlatCmi): string {
  const passing = cmi['cmi.scaled_passing_score'];
  if (!passing) return cmi['cmi.success_status'] ?? '';
  const scaled = cmi['cmi.score.scaled'];
  if (!scaled) return 'unknown';
  return Number(scaled) >= Number(passing) ? 'passed' : 'failed';
}

// SCORM 2004 RTE 4.2.4: with a completion_threshold and a progress_measure, the LMS decides completion.
function completionStatus(cmi: FlatCmi): string {
  const threshold = cmi['cmi.completion_threshold'];
  const progress = cmi['cmi.progress_measure'];
  if (!threshold || !progress) return cmi['cmi.completion_status'] ?? '';
  return Number(progress) >= Number(threshold) ? 'completed' : 'incomplete';
}

function interactionRows(cmi: FlatCmi, learnerResponse: string, timeName: string): InteractionRow[] {
  const indexes = new Set<number>();
  for (const element of Object.keys(cmi)) {
    const match = /^cmi\.interactions\.(\d+)\./.exec(element);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => {
      const field = (name: string): string => cmi[`cmi.interactions.${index}.${name}`] ?? '';
      const patterns = Object.keys(cmi)
        .filter((e) => e.startsWith(`cmi.interactions.${index}.correct_responses.`) && e.endsWith('.pattern'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((e) => cmi[e] ?? '');
      return {
        index,
        id: field('id'),
        type: field('type'),
        description: field('description'),
        learnerResponse: field(learnerResponse),
        correctResponse: patterns.join(' | '),
        result: field('result'),
        latency: field('latency'),
        time: field(timeName),
        weighting: field('weighting'),
      };
    });
}
