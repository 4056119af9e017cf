// The trainer's view of the stored attempt: the trainer's report's own per-trainee component (each decision in
// words, score, result, ending), then the data laid out as an LMS report lists it.
import { h, render } from 'preact';
import { TraineeReport } from '../../src/report-ui/trainee-report.tsx';
import { el } from './dom.ts';
import { trainerAttempt } from './trainer-attempt.ts';
import { trainerData } from './trainer-data.ts';
import type { TrainerReport } from './trainer-report.ts';

/** The learner's name the preview LMS hands the module (preview-lms.ts). */
const PREVIEW_LEARNER_NAME = 'Preview, Learner';

export interface ReviewCheck {
  /** The recorded result when review mode was entered. */
  readonly before: string;
  readonly now: string;
}

const COLUMNS = [
  'ID',
  'Description',
  'Type',
  'Learner response',
  'Correct response',
  'Result',
  'Latency',
  'Time',
] as const;

export function renderTrainerView(
  host: HTMLElement,
  attempt: number,
  report: TrainerReport,
  review: ReviewCheck | null,
): void {
  const summary = el(
    'dl',
    { class: 'summary' },
    ...[['Attempt', String(attempt)] as const, ...report.summary].flatMap(([label, value]) => [
      el('dt', {}, label),
      el('dd', {}, value || '—'),
    ]),
  );
  const interactions =
    report.interactions.length === 0
      ? el('p', { class: 'hint' }, 'No interactions stored.')
      : el(
          'div',
          { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Interactions' },
          el(
            'table',
            { id: 'interactions-table' },
            el('caption', {}, 'Interactions'),
            el('thead', {}, el('tr', {}, ...COLUMNS.map((c) => el('th', { scope: 'col' }, c)))),
            el(
              'tbody',
              {},
              ...report.interactions.map((i) =>
                el(
                  'tr',
                  { 'data-interaction': i.id },
                  el('th', { scope: 'row' }, i.id || `#${i.index}`),
                  ...[
                    i.description,
                    i.type,
                    i.learnerResponse,
                    i.correctResponse,
                    i.result,
                    i.latency,
                    i.time,
                  ].map((v) => el('td', {}, v)),
                ),
              ),
            ),
          ),
        );
  const trainee = el('div', { id: 'trainee-report' });
  const { scenario, history } = trainerData();
  const attemptSeen = trainerAttempt(scenario, history, attempt, PREVIEW_LEARNER_NAME, report);
  render(
    h(TraineeReport, {
      scenario,
      name: PREVIEW_LEARNER_NAME,
      email: '',
      attempts:
        report.interactions.length === 0 && attemptSeen.analysis.record.status === 'not-attempted'
          ? []
          : [attemptSeen],
      version: history.current,
      id: 'preview-trainee',
    }),
    trainee,
  );
  const raw = el('h3', { class: 'raw-heading' }, 'As the LMS stores it');
  host.replaceChildren(...(review ? [reviewNotice(review)] : []), trainee, raw, summary, interactions);
}

// Moodle 4.5 stores what a SCO writes in review mode (scorm-notes §8): a changed result here would change the grade.
function reviewNotice({ before, now }: ReviewCheck): HTMLElement {
  const changed = before !== now;
  return el(
    'div',
    { id: 'review-check', class: changed ? 'notice warning' : 'notice', 'data-changed': String(changed) },
    el(
      'p',
      {},
      changed
        ? 'The recorded result changed in review mode.'
        : 'Review mode: the recorded result is unchanged.',
    ),
    ...(changed ? [el('p', {}, `Before: ${before}`), el('p', {}, `Now: ${now}`)] : []),
  );
}
