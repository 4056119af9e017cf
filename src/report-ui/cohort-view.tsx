/**
 * The cohort at a glance. Every chart is a table whose numbers are text; the bars beside them are drawn by
 * CSS, hidden from assistive technology (the numbers say the same) and never the only carrier of a value.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Cohort, EndingCount } from '../report/cohort.ts';
import { CLASS_LABEL, formatNumber, percent } from '../report/report-words.ts';
import { ClassMark } from '../ui/class-mark.tsx';

export interface CohortViewProps {
  readonly cohort: Cohort;
  readonly version: string;
  /** The id of each trainee's article, for links from the supervision list. */
  readonly traineeId: (key: string) => string;
  /** Shows a trainee's report (the list is paged), from the supervision list. */
  readonly onShowTrainee: (key: string) => void;
}

/** The supervision list shows this many until asked for all: a cohort of 1,000 may have hundreds. */
const TALK_TO_SHOWN = 30;

export function CohortView({ cohort, version, traineeId, onShowTrainee }: CohortViewProps) {
  const [allTalkTo, setAllTalkTo] = useState(false);
  const talkTo = allTalkTo ? cohort.talkTo : cohort.talkTo.slice(0, TALK_TO_SHOWN);
  return (
    <section class="cohort" aria-labelledby="cohort-heading">
      <h2 id="cohort-heading">The cohort at a glance</h2>
      <ul class="headline">
        <li>
          <strong>{formatNumber(cohort.trainees)}</strong> {cohort.trainees === 1 ? 'trainee' : 'trainees'}
          {cohort.notAttempted > 0 ? ` (${formatNumber(cohort.notAttempted)} with no attempt)` : ''}
        </li>
        <li>
          <strong>{formatNumber(cohort.attempts)}</strong> {cohort.attempts === 1 ? 'attempt' : 'attempts'}{' '}
          counted
        </li>
        <li id="pass-rate">
          Pass rate: <strong>{percent(cohort.passed, cohort.judged)}</strong> ({formatNumber(cohort.passed)}{' '}
          of {formatNumber(cohort.judged)} finished {cohort.judged === 1 ? 'attempt' : 'attempts'} passed)
        </li>
      </ul>

      <h3>Endings reached</h3>
      <BarTable
        caption="Attempts by the ending they reached"
        head={['Ending', 'Attempts']}
        total={cohort.attempts}
        rows={cohort.endings.map((e) => ({
          key: endingKey(e),
          label: endingLabel(e, version),
          count: e.count,
        }))}
        id="endings"
      />

      <h3>Choices at each decision</h3>
      {cohort.decisions.map((d) => (
        <BarTable
          key={d.decisionId}
          id={`decision-${d.decisionId}`}
          caption={`${d.decision ? d.decision.title : `${d.decisionId} (not in version ${version})`}: ${formatNumber(d.total)} ${d.total === 1 ? 'attempt' : 'attempts'}`}
          head={['Choice', 'Attempts']}
          total={d.total}
          rows={d.choices.map((c) => ({
            key: c.choiceId,
            label: c.choice ? (
              <>
                <span class="choice-short">{c.choice.short}</span>
                <span class="class-name">
                  <ClassMark choiceClass={c.choice.class} />
                  {CLASS_LABEL[c.choice.class]}
                </span>
              </>
            ) : (
              <span class="unknown-id">
                <code>{c.choiceId}</code> (not in version {version})
              </span>
            ),
            count: c.count,
          }))}
        />
      ))}

      <h3>Average points by principle</h3>
      {cohort.withChoices === 0 ? (
        <p class="hint">No attempt in these files records a choice.</p>
      ) : (
        <div class="table-wrap">
          <table class="bar-table" id="principle-averages">
            <caption id="principles-caption">
              Average points by principle over {formatNumber(cohort.withChoices)}{' '}
              {cohort.withChoices === 1 ? 'attempt' : 'attempts'} with choices
            </caption>
            <thead>
              <tr>
                <th scope="col">Principle</th>
                <th scope="col">Average</th>
                <th scope="col">Best possible</th>
                <th scope="col" class="bar-col">
                  <span class="visually-hidden">Bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cohort.principles.map((p) => (
                <tr key={p.principleId}>
                  <th scope="row">{p.label}</th>
                  <td class="number">{p.average === null ? '–' : formatNumber(p.average, 1)}</td>
                  <td class="number">{p.max}</td>
                  <td class="bar-col" aria-hidden="true">
                    <Bar share={p.average === null || p.max <= 0 ? 0 : p.average / p.max} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="talk-to-heading">To talk to in supervision</h3>
      {cohort.talkTo.length === 0 ? (
        <p>No attempt counted here went through a poor choice.</p>
      ) : (
        <>
          <p class="hint">
            {formatNumber(cohort.talkTo.length)} {cohort.talkTo.length === 1 ? 'attempt' : 'attempts'} went
            through a poor choice: the trainee, and the choices.
          </p>
          <ul class="talk-to" aria-labelledby="talk-to-heading">
            {talkTo.map(({ trainee, attempt, poor }) => (
              <li key={`${trainee.key}|${attempt.fileName}|${attempt.analysis.record.row}`}>
                <a
                  href={`#${traineeId(trainee.key)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onShowTrainee(trainee.key);
                  }}
                >
                  {trainee.name}
                </a>
                {` (attempt ${attempt.analysis.record.attempt ?? '–'}): `}
                {poor
                  .map((d) => `${d.decision?.title ?? d.decisionId}: ${d.choice?.short ?? d.choiceId}`)
                  .join('; ')}
              </li>
            ))}
          </ul>
          {talkTo.length < cohort.talkTo.length ? (
            <button type="button" class="button-secondary no-print" onClick={() => setAllTalkTo(true)}>
              Show all {formatNumber(cohort.talkTo.length)}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

interface BarRow {
  readonly key: string;
  readonly label: ComponentChildren;
  readonly count: number;
}

function BarTable({
  caption,
  head,
  rows,
  total,
  id,
}: {
  caption: string;
  head: readonly [string, string];
  rows: readonly BarRow[];
  total: number;
  id: string;
}) {
  return (
    <div class="table-wrap">
      <table class="bar-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head[0]}</th>
            <th scope="col">{head[1]}</th>
            <th scope="col">Share</th>
            <th scope="col" class="bar-col">
              <span class="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="number count">{formatNumber(row.count)}</td>
              <td class="number">{percent(row.count, total)}</td>
              <td class="bar-col" aria-hidden="true">
                <Bar share={total === 0 ? 0 : row.count / total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Bar({ share }: { share: number }) {
  return (
    <span class="bar">
      <span class="bar-fill" style={{ width: `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%` }} />
    </span>
  );
}

function endingKey(e: EndingCount): string {
  return e.kind === 'ending' ? e.ending.id : e.kind;
}

function endingLabel(e: EndingCount, version: string): ComponentChildren {
  switch (e.kind) {
    case 'ending':
      return (
        <>
          {e.ending.title} <span class="hint">({e.ending.outcome})</span>
        </>
      );
    case 'not-finished':
      return 'Not finished';
    case 'off-path':
      return `Not known (choices not a path of version ${version})`;
    case 'unknown':
      return 'Not in the export (no choices recorded)';
  }
}
