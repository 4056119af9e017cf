/**
 * One trainee: each attempt's score, result and ending, each decision in words (the situation and its
 * prompt, the choice made in full, its class, why, and the recommended choice) and the points by principle.
 * The trainer's report page renders one per trainee (one per printed page); the preview LMS's trainer view
 * renders the same component for its one learner, so an author sees what a trainer will.
 */
import type { DecisionSeen } from '../report/analyse-attempt.ts';
import { CLASS_LABEL, formatNumber, reachedText, resultText, scoreText } from '../report/report-words.ts';
import type { TraineeAttempt } from '../report/trainees.ts';
import type { Scenario } from '../scenario/model.ts';
import { scoreRange } from '../scenario/scoring.ts';
import { ClassMark } from '../ui/class-mark.tsx';
import './trainee-report.css';

export interface TraineeReportProps {
  readonly scenario: Scenario;
  readonly name: string;
  readonly email: string;
  /** The attempts to show, oldest first; none for a trainee listed with no attempt. */
  readonly attempts: readonly TraineeAttempt[];
  /** The module version the report reads ids against. */
  readonly version: string;
  /** Unique in the page: heading ids derive from it. */
  readonly id: string;
  /** Total attempts the files hold for this trainee, when the filter shows fewer. */
  readonly attemptCount?: number;
}

export function TraineeReport({
  scenario,
  name,
  email,
  attempts,
  version,
  id,
  attemptCount,
}: TraineeReportProps) {
  const hidden =
    attemptCount !== undefined && attemptCount > attempts.length ? attemptCount - attempts.length : 0;
  return (
    <article class="trainee" id={id} aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} class="trainee-name" tabIndex={-1}>
        {name}
      </h3>
      {email ? <p class="trainee-email">{email}</p> : null}
      {attempts.length === 0 ? <p class="no-attempt">No attempt in the files opened.</p> : null}
      {hidden > 0 ? (
        <p class="hint">
          {hidden} other {hidden === 1 ? 'attempt' : 'attempts'} not shown (choose “All attempts” to see{' '}
          {hidden === 1 ? 'it' : 'them'}).
        </p>
      ) : null}
      {attempts.map((attempt, i) => (
        <AttemptReport
          key={`${attempt.fileName}|${attempt.analysis.record.row}`}
          scenario={scenario}
          attempt={attempt}
          version={version}
          id={`${id}-a${i}`}
        />
      ))}
    </article>
  );
}

interface AttemptReportProps {
  readonly scenario: Scenario;
  readonly attempt: TraineeAttempt;
  readonly version: string;
  readonly id: string;
}

function AttemptReport({ scenario, attempt, version, id }: AttemptReportProps) {
  const { analysis, fileName, verdict } = attempt;
  const { record } = analysis;
  const result = resultText(analysis);
  return (
    <section class="attempt" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>
        Attempt {record.attempt ?? '–'}
        {record.startedOn ? <span class="attempt-date">, started {record.startedOn}</span> : null}
      </h4>
      <ul class="facts">
        <li>
          <span class="fact-label">Score:</span> {scoreText(analysis)}
        </li>
        <li>
          <span class="fact-label">Result:</span>{' '}
          <span class={`result result--${result.toLowerCase().replace(/\s+/g, '-')}`}>{result}</span>
          {analysis.passed !== null ? (
            <span class="hint"> (pass mark {Math.round(analysis.passMark * 100)} %)</span>
          ) : null}
        </li>
        <li>
          <span class="fact-label">Ending:</span> {reachedText(analysis.reached, version)}
        </li>
        {record.lastAccessedOn ? (
          <li>
            <span class="fact-label">Last accessed:</span> {record.lastAccessedOn}
          </li>
        ) : null}
        <li class="fact-file">
          <span class="fact-label">From:</span> {fileName}
          {verdict.kind === 'other' ? (
            <span class="version-flag"> (an export from another module version)</span>
          ) : null}
        </li>
      </ul>
      {analysis.decisions.length > 0 ? (
        <DecisionsTable decisions={analysis.decisions} version={version} />
      ) : (
        <p class="hint">
          {record.interactions === null
            ? 'This report holds no choices: the Interactions report has them.'
            : 'No choice recorded.'}
        </p>
      )}
      {analysis.decisions.length > 0 ? (
        <PrinciplePoints scenario={scenario} analysis={analysis.byPrinciple} />
      ) : null}
    </section>
  );
}

function DecisionsTable({ decisions, version }: { decisions: readonly DecisionSeen[]; version: string }) {
  return (
    <table class="decisions">
      <caption>Decisions</caption>
      <thead>
        <tr>
          <th scope="col">Situation</th>
          <th scope="col">Their choice</th>
          <th scope="col">Class and why</th>
          <th scope="col">Recommended choice</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((seen) => (
          <DecisionRow key={seen.interaction.index} seen={seen} version={version} />
        ))}
      </tbody>
    </table>
  );
}

function DecisionRow({ seen, version }: { seen: DecisionSeen; version: string }) {
  const { decision, choice, recommended } = seen;
  return (
    <tr data-decision={seen.decisionId} data-choice={seen.choiceId}>
      <th scope="row">
        {decision ? (
          <>
            <span class="situation">{decision.title}</span>
            <span class="prompt">{decision.prompt}</span>
          </>
        ) : (
          <span class="unknown-id">
            <code>{seen.decisionId || '(no decision id)'}</code> (not in version {version})
          </span>
        )}
      </th>
      <td>
        {choice ? (
          choice.label
        ) : (
          <span class="unknown-id">
            <code>{seen.choiceId}</code> (not in version {version})
          </span>
        )}
      </td>
      <td>
        {choice ? (
          <>
            <span class="class-name">
              <ClassMark choiceClass={choice.class} />
              {CLASS_LABEL[choice.class]}
            </span>
            <span class="rationale">{choice.rationale}</span>
          </>
        ) : (
          '–'
        )}
      </td>
      <td>
        {recommended ? (
          choice?.id === recommended.id ? (
            <span class="same">This choice</span>
          ) : (
            recommended.label
          )
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
}

function PrinciplePoints({
  scenario,
  analysis,
}: {
  scenario: Scenario;
  analysis: Readonly<Record<string, number>>;
}) {
  const { maxByPrinciple } = scoreRange(scenario);
  return (
    <p class="principle-points">
      <span class="fact-label">Points by principle:</span>{' '}
      {scenario.principles.map((p, i) => (
        <span key={p.id} class="principle-point">
          {p.label} {formatNumber(analysis[p.id] ?? 0)} of {maxByPrinciple[p.id] ?? 0}
          {i < scenario.principles.length - 1 ? '; ' : ''}
        </span>
      ))}
    </p>
  );
}
