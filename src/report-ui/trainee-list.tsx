/**
 * Every trainee, a page of them at a time, with a box to find one by name or e-mail: 1,000 trainees' full
 * reports at once would take seconds to lay out on a slow NHS desktop. Printing prints them all, one per
 * page, whichever page is on screen: `beforeprint` renders the whole list into a print-only host
 * (synchronously, so the print sees it) and `afterprint` empties it.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { formatNumber } from '../report/report-words.ts';
import { type AttemptFilter, attemptsShown, FILTER_LABEL, type Trainee } from '../report/trainees.ts';
import type { Scenario } from '../scenario/model.ts';
import { TraineeReport } from './trainee-report.tsx';

export const PAGE_SIZE = 25;

export interface TraineeListProps {
  readonly scenario: Scenario;
  readonly trainees: readonly Trainee[];
  readonly filter: AttemptFilter;
  readonly version: string;
  readonly traineeId: (key: string) => string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly page: number;
  readonly onPage: (page: number) => void;
  /** A trainee to scroll to and focus once shown (from the supervision list), then null. */
  readonly focusKey: string | null;
  readonly onFocused: () => void;
}

export function TraineeList(props: TraineeListProps) {
  const { trainees, filter, traineeId, query, onQuery, page, onPage, focusKey, onFocused } = props;
  const found = useMemo(() => matching(trainees, query), [trainees, query]);
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = found.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const printHost = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusKey === null) return;
    const article = document.getElementById(traineeId(focusKey));
    if (article) {
      article.scrollIntoView({ block: 'start' });
      article.querySelector<HTMLElement>('h3')?.focus();
    }
    onFocused();
  }, [focusKey, traineeId, onFocused]);

  // The whole list, for printing, only while printing and only when the screen shows part of it.
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const before = (): void => {
      const host = printHost.current;
      const p = latest.current;
      if (!host || matching(p.trainees, p.query).length <= PAGE_SIZE) return;
      document.documentElement.classList.add('printing-all');
      render(
        <>
          {p.trainees.map((t) => (
            <TraineeItem key={t.key} trainee={t} {...p} idPrefix="print-" />
          ))}
        </>,
        host,
      );
    };
    const after = (): void => {
      document.documentElement.classList.remove('printing-all');
      if (printHost.current) render(null, printHost.current);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const from = found.length === 0 ? 0 : current * PAGE_SIZE + 1;
  const to = current * PAGE_SIZE + shown.length;
  return (
    <section class="trainees" aria-labelledby="trainees-heading">
      <h2 id="trainees-heading" class="no-print">
        Each trainee ({FILTER_LABEL[filter].toLowerCase()})
      </h2>
      <div class="list-controls no-print">
        <label for="find-trainee">Find a trainee (name or e-mail)</label>
        <input
          id="find-trainee"
          type="search"
          value={query}
          onInput={(event) => {
            onQuery(event.currentTarget.value);
            onPage(0);
          }}
        />
        <p id="trainee-range" aria-live="polite">
          {found.length === 0
            ? 'No trainee matches.'
            : `Trainees ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(found.length)}`}
        </p>
        {pages > 1 ? (
          <nav class="pager" aria-label="Pages of trainees">
            <button type="button" disabled={current === 0} onClick={() => onPage(current - 1)}>
              Previous {PAGE_SIZE}
            </button>
            <button type="button" disabled={current >= pages - 1} onClick={() => onPage(current + 1)}>
              Next {PAGE_SIZE}
            </button>
            <span class="hint">
              Page {current + 1} of {pages}. Printing prints every trainee, one per page.
            </span>
          </nav>
        ) : null}
      </div>
      <div class="trainee-pages">
        {shown.map((t) => (
          <TraineeItem key={t.key} trainee={t} {...props} idPrefix="" />
        ))}
      </div>
      <div class="print-all" ref={printHost} />
    </section>
  );
}

function TraineeItem({
  trainee,
  scenario,
  filter,
  version,
  traineeId,
  idPrefix,
}: Pick<TraineeListProps, 'scenario' | 'filter' | 'version' | 'traineeId'> & {
  trainee: Trainee;
  idPrefix: string;
}) {
  return (
    <TraineeReport
      id={`${idPrefix}${traineeId(trainee.key)}`}
      scenario={scenario}
      name={trainee.name}
      email={trainee.email}
      attempts={attemptsShown(trainee, filter)}
      attemptCount={trainee.attempts.length}
      version={version}
    />
  );
}

function matching(trainees: readonly Trainee[], query: string): readonly Trainee[] {
  const q = query.trim().toLocaleLowerCase('en-GB');
  if (q === '') return trainees;
  return trainees.filter(
    (t) => t.name.toLocaleLowerCase('en-GB').includes(q) || t.email.toLowerCase().includes(q),
  );
}

/** The page of the list (no query) that holds a trainee. */
export function pageOf(trainees: readonly Trainee[], key: string): number {
  return Math.max(0, Math.floor(trainees.findIndex((t) => t.key === key) / PAGE_SIZE));
}
