/**
 * The trainer's report page: choose or drop exports, read what each file is (and what is wrong with it),
 * filter the attempts, see the cohort and every trainee, download the table. Everything happens in the page;
 * nothing is sent anywhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cohortOf } from '../report/cohort.ts';
import { type FileLoad, INTERACTIONS_HOW_TO, loadExportFile, type Notice } from '../report/load-export.ts';
import type { ModuleHistory } from '../report/module-versions.ts';
import { reportCsv } from '../report/report-csv.ts';
import { CLASS_LABEL, CLASS_MEANING, formatNumber } from '../report/report-words.ts';
import { type AttemptFilter, FILTER_LABEL, gatherTrainees } from '../report/trainees.ts';
import type { ChoiceClass, Scenario } from '../scenario/model.ts';
import { ClassMark } from '../ui/class-mark.tsx';
import { CohortView } from './cohort-view.tsx';
import { pageOf, TraineeList } from './trainee-list.tsx';

export interface ReportPageProps {
  readonly scenario: Scenario;
  readonly history: ModuleHistory;
  /** Called after each render that follows opening files (the benchmark times it). */
  readonly onRendered?: () => void;
}

/** A file the trainer opened, read. */
interface Opened {
  readonly name: string;
  readonly load: FileLoad;
}

const ACCEPT =
  '.txt,.tsv,.csv,.xlsx,.ods,text/plain,text/csv,text/tab-separated-values,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet';
const CLASSES: readonly ChoiceClass[] = ['recommended', 'acceptable', 'poor'];

export function ReportPage({ scenario, history, onRendered }: ReportPageProps) {
  const [opened, setOpened] = useState<readonly Opened[]>([]);
  const [filter, setFilter] = useState<AttemptFilter>('latest');
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const version = history.current;

  const open = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setReading(true);
    const read = await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        load: loadExportFile(file.name, new Uint8Array(await file.arrayBuffer()), scenario, history),
      })),
    );
    // A file opened again replaces the copy read before.
    setOpened((before) => [...before.filter((o) => !read.some((r) => r.name === o.name)), ...read]);
    setReading(false);
  };

  const loaded = useMemo(() => opened.flatMap((o) => (o.load.ok ? [o.load.file] : [])), [opened]);
  const trainees = useMemo(() => gatherTrainees(loaded), [loaded]);
  const cohort = useMemo(() => cohortOf(scenario, trainees, filter), [scenario, trainees, filter]);
  const ids = useMemo(() => new Map(trainees.map((t, i) => [t.key, `trainee-${i + 1}`])), [trainees]);
  const traineeId = useCallback((key: string): string => ids.get(key) ?? 'trainees', [ids]);

  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const showTrainee = useCallback(
    (key: string) => {
      setQuery('');
      setPage(pageOf(trainees, key));
      setFocusKey(key);
    },
    [trainees],
  );
  const focused = useCallback(() => setFocusKey(null), []);

  // The CSV is made when asked for, not on every render, and handed to the browser as a Blob URL through a
  // download link made in the page: nothing leaves it.
  const csvUrl = useRef<string | null>(null);
  const downloadCsv = (): void => {
    const csv = reportCsv(scenario, trainees, filter, version);
    if (csvUrl.current) URL.revokeObjectURL(csvUrl.current);
    csvUrl.current = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = csvUrl.current;
    link.download = `trainer-report-${filter}.csv`;
    link.id = 'csv-link';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  };

  // Files dropped anywhere on the page are opened, as if chosen.
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const over = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(false);
      void openRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    if (opened.length > 0) onRendered?.();
  }, [opened, filter, onRendered]);

  const failed = opened.filter((o) => !o.load.ok).length;
  const status =
    opened.length === 0
      ? ''
      : `${opened.length} ${opened.length === 1 ? 'file' : 'files'} opened${failed > 0 ? `, ${failed} could not be read` : ''}; ${formatNumber(trainees.length)} ${trainees.length === 1 ? 'trainee' : 'trainees'}.`;

  return (
    <div class={`report${dragging ? ' report--dragging' : ''}`}>
      <header class="report-header">
        <h1>Trainer’s report</h1>
        <p class="lead">{history.title}</p>
        <p class="privacy" id="privacy">
          This page works offline and sends nothing anywhere: the files you open are read here, in your
          browser, and the page makes no network requests. Built for module version {version}.
        </p>
      </header>
      <main id="main">
        <section class="open-files no-print" aria-labelledby="open-heading">
          <h2 id="open-heading">Open the LMS’s export</h2>
          <p>
            Choose or drop one or more files downloaded from the LMS’s SCORM reports: text (.txt), Excel
            (.xlsx), OpenDocument (.ods) or CSV. The Interactions report has every decision.{' '}
            {INTERACTIONS_HOW_TO}
          </p>
          <div class="drop-zone">
            <label for="export-files" class="file-label">
              Choose exported files
            </label>
            <input
              id="export-files"
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(event) => {
                const input = event.currentTarget;
                void open([...(input.files ?? [])]).then(() => {
                  input.value = '';
                });
              }}
            />
            <span class="hint">or drop them anywhere on this page.</span>
            {opened.length > 0 ? (
              <button type="button" class="button-secondary" onClick={() => setOpened([])}>
                Close all files
              </button>
            ) : null}
          </div>
          <p role="status" class="status" id="status">
            {reading ? 'Reading…' : status}
          </p>
          {opened.length > 0 ? <FileNotices opened={opened} /> : null}
        </section>

        {trainees.length > 0 ? (
          <>
            <div class="view-controls no-print">
              <fieldset class="filter">
                <legend>Attempts to count</legend>
                {(Object.keys(FILTER_LABEL) as AttemptFilter[]).map((key) => (
                  <label key={key}>
                    <input
                      type="radio"
                      name="attempt-filter"
                      value={key}
                      checked={filter === key}
                      onChange={() => setFilter(key)}
                    />{' '}
                    {FILTER_LABEL[key]}
                  </label>
                ))}
              </fieldset>
              <button type="button" class="button-secondary" id="download-csv" onClick={downloadCsv}>
                Download the table as CSV ({FILTER_LABEL[filter].toLowerCase()})
              </button>
              <button type="button" class="button-secondary" onClick={() => window.print()}>
                Print (one trainee per page)
              </button>
            </div>
            <CohortView cohort={cohort} version={version} traineeId={traineeId} onShowTrainee={showTrainee} />
            <ClassKey />
            <TraineeList
              scenario={scenario}
              trainees={trainees}
              filter={filter}
              version={version}
              traineeId={traineeId}
              query={query}
              onQuery={setQuery}
              page={page}
              onPage={setPage}
              focusKey={focusKey}
              onFocused={focused}
            />
          </>
        ) : (
          <ClassKey />
        )}
      </main>
    </div>
  );
}

function FileNotices({ opened }: { opened: readonly Opened[] }) {
  return (
    <ul class="notices" id="notices">
      {opened.flatMap((o) =>
        (o.load.ok ? o.load.file.notices : o.load.notices).map((notice, i) => (
          <li key={`${o.name}|${i}`} class={`notice notice--${notice.level}`} data-file={o.name}>
            <span class="notice-level">{LEVEL_WORD[notice.level]}</span> {notice.text}
          </li>
        )),
      )}
    </ul>
  );
}

const LEVEL_WORD: Readonly<Record<Notice['level'], string>> = {
  error: 'Could not read:',
  warning: 'Warning:',
  info: 'Read:',
};

function ClassKey() {
  return (
    <section class="class-key" aria-labelledby="class-key-heading">
      <h2 id="class-key-heading">What the classes mean</h2>
      <ul>
        {CLASSES.map((c) => (
          <li key={c}>
            <span class="class-name">
              <ClassMark choiceClass={c} />
              {CLASS_LABEL[c]}
            </span>
            : {CLASS_MEANING[c]}.
          </li>
        ))}
      </ul>
    </section>
  );
}
