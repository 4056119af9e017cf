/**
 * Reads a table from one of Moodle's (or Totara's) SCORM reports: which report it is, and each row as an
 * attempt. Columns are found by their English headings, as Moodle 4.5 writes them:
 *
 *   Name | Email address | Attempt | Started on | Last accessed on | Score | <SCO title> | …
 *
 * then, for the Interactions report, `Question N`, `Response N`, `Right answer N` and `Result N` for N from 0,
 * and for the Objectives report one or two columns per objective. What each report holds, and what is odd
 * about it, is in tests/fixtures/moodle-exports/README.md.
 */

export type ReportKind = 'interactions' | 'basic' | 'objectives';

export const REPORT_LABEL: Readonly<Record<ReportKind, string>> = {
  interactions: 'Interactions report',
  basic: 'Basic report',
  objectives: 'Objectives report',
};

/** One interaction of an attempt as the export holds it: ids and results exactly as recorded. */
export interface RecordedInteraction {
  /** N in `Question N`: the interaction's index in the LMS record, from 0. */
  readonly index: number;
  /** The decision id (Moodle puts the interaction id under "Question"); '' when the export has no Question column. */
  readonly question: string;
  /** The choice id the learner gave. */
  readonly response: string;
  readonly rightAnswer: string;
  readonly result: string;
}

/**
 * - `scored`: the attempt has a score (a finished attempt; our module sends its score only at the end);
 * - `incomplete`: the SCO column says "Incomplete" (Moodle's Score then says 0, which means nothing);
 * - `not-attempted`: a learner listed with no attempt ("-" cells, "Not attempted").
 */
export type AttemptStatus = 'scored' | 'incomplete' | 'not-attempted';

export interface AttemptRecord {
  readonly name: string;
  readonly email: string;
  /** Null for a learner with no attempt. */
  readonly attempt: number | null;
  readonly startedOn: string;
  readonly lastAccessedOn: string;
  /** 0–100 as the LMS stored it; null when it stored none. */
  readonly score: number | null;
  readonly status: AttemptStatus;
  /** Null when the report does not hold interactions (Basic, Objectives). */
  readonly interactions: readonly RecordedInteraction[] | null;
  /** The file it came from, and its row there (the header is row 1). */
  readonly source: string;
  readonly row: number;
}

export interface ReportRead {
  readonly kind: ReportKind;
  readonly attempts: readonly AttemptRecord[];
  /** Interactions report: whether it has Question columns (a download made before "Save preferences" has not). */
  readonly hasQuestions: boolean;
  /** Whether the report tells an unfinished attempt from a finished one (it has the SCO's own column). */
  readonly hasStatus: boolean;
  /** Rows that were skipped, with why, for the notices. */
  readonly skipped: readonly string[];
}

export type ReportRecognition =
  | { readonly ok: true; readonly report: ReportRead }
  | { readonly ok: false; readonly message: string };

const INTERACTION_COLUMN = /^(question|response|right answer|result)\s+(\d+)$/i;
const FIELD_OF: Record<string, keyof Omit<RecordedInteraction, 'index'>> = {
  question: 'question',
  response: 'response',
  'right answer': 'rightAnswer',
  result: 'result',
};
/** Moodle's word for "no value" in these reports. */
const EMPTY_CELLS = new Set(['', '-', '–', '—']);

interface Columns {
  readonly name: number[];
  readonly email: number;
  readonly attempt: number;
  readonly startedOn: number;
  readonly lastAccessedOn: number;
  readonly score: number;
  /** The SCO's own column (score, "Incomplete" or "Not attempted"); -1 when the report has none. */
  readonly sco: number;
  readonly interactions: ReadonlyMap<
    number,
    Partial<Record<keyof Omit<RecordedInteraction, 'index'>, number>>
  >;
  /** Columns after the SCO's that are not interactions: the Objectives report's. */
  readonly others: number;
}

export function readMoodleReport(fileName: string, rows: readonly (readonly string[])[]): ReportRecognition {
  const headerAt = rows.slice(0, 10).findIndex((row) => findColumns(row) !== null);
  const columns = headerAt === -1 ? null : findColumns(rows[headerAt] ?? []);
  if (columns === null) {
    const first = (rows[0] ?? []).filter((cell) => cell.trim() !== '').slice(0, 6);
    return {
      ok: false,
      message:
        `“${fileName}” is not a SCORM report from Moodle or Totara: its first row should name the columns ` +
        '“Name”, “Attempt” and “Score” (and, in the Interactions report, “Question 0”, “Response 0” and so on)' +
        (first.length > 0 ? `, but it starts ${first.map((c) => `“${clip(c)}”`).join(', ')}` : '') +
        '. Download the Interactions report again (Reports → Interactions report → Download).',
    };
  }
  const kind: ReportKind =
    columns.interactions.size > 0 ? 'interactions' : columns.others > 0 ? 'objectives' : 'basic';
  const attempts: AttemptRecord[] = [];
  const skipped: string[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cell = (i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
    const name = columns.name.map(cell).filter(Boolean).join(' ');
    const email = cell(columns.email);
    if (name === '' && email === '') {
      if (row.some((c) => c.trim() !== '')) skipped.push(`row ${r + 1} has no name or e-mail address`);
      continue;
    }
    const attemptCell = cell(columns.attempt);
    const attempt = EMPTY_CELLS.has(attemptCell) ? null : Number.parseInt(attemptCell, 10);
    if (attempt !== null && !(Number.isInteger(attempt) && attempt > 0)) {
      skipped.push(
        `row ${r + 1} (${name || email}) has “${clip(attemptCell)}” where the attempt number should be`,
      );
      continue;
    }
    const scoCell = cell(columns.sco);
    const status: AttemptStatus =
      attempt === null || /^not attempted$/i.test(scoCell)
        ? 'not-attempted'
        : /^incomplete$/i.test(scoCell)
          ? 'incomplete'
          : 'scored';
    attempts.push({
      name: name || email,
      email,
      attempt: status === 'not-attempted' ? null : attempt,
      startedOn: emptyAsBlank(cell(columns.startedOn)),
      lastAccessedOn: emptyAsBlank(cell(columns.lastAccessedOn)),
      score: status === 'scored' ? parseScore(cell(columns.score)) : null,
      status,
      interactions: kind === 'interactions' ? interactionsOf(columns, cell) : null,
      source: fileName,
      row: r + 1,
    });
  }
  return {
    ok: true,
    report: {
      kind,
      attempts,
      hasQuestions: [...columns.interactions.values()].some((group) => group.question !== undefined),
      hasStatus: columns.sco !== -1,
      skipped,
    },
  };
}

function findColumns(header: readonly string[]): Columns | null {
  const names = header.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase());
  const at = (...wanted: string[]) => names.findIndex((n) => wanted.includes(n));
  const fullName = at('name', 'full name', 'user full name');
  const first = at('first name');
  const last = at('last name', 'surname');
  const name =
    fullName !== -1 ? [fullName] : first !== -1 || last !== -1 ? [first, last].filter((i) => i !== -1) : [];
  const attempt = at('attempt');
  const score = at('score');
  if (name.length === 0 || attempt === -1 || score === -1) return null;

  const interactions = new Map<number, Partial<Record<keyof Omit<RecordedInteraction, 'index'>, number>>>();
  names.forEach((n, i) => {
    const match = INTERACTION_COLUMN.exec(n);
    if (!match?.[1] || !match[2]) return;
    const index = Number(match[2]);
    const group = interactions.get(index) ?? {};
    const field = FIELD_OF[match[1].toLowerCase()];
    if (field) group[field] = i;
    interactions.set(index, group);
  });
  const known = new Set([
    ...name,
    at('email address', 'email'),
    attempt,
    at('started on'),
    at('last accessed on'),
    score,
  ]);
  // The SCO's column is the first after Score that is none of the above (its heading is the SCO's title).
  let sco = -1;
  for (let i = score + 1; i < names.length; i++) {
    if (!known.has(i) && !INTERACTION_COLUMN.test(names[i] ?? '')) {
      sco = i;
      break;
    }
  }
  const others = names.filter(
    (n, i) => i > sco && sco !== -1 && !known.has(i) && !INTERACTION_COLUMN.test(n) && n !== '',
  ).length;
  const sortedInteractions = new Map([...interactions.entries()].sort((a, b) => a[0] - b[0]));
  return {
    name,
    email: at('email address', 'email'),
    attempt,
    startedOn: at('started on'),
    lastAccessedOn: at('last accessed on'),
    score,
    sco,
    interactions: sortedInteractions,
    others,
  };
}

function interactionsOf(columns: Columns, cell: (i: number) => string): RecordedInteraction[] {
  const out: RecordedInteraction[] = [];
  for (const [index, group] of columns.interactions) {
    const value = (i: number | undefined) => (i === undefined ? '' : emptyAsBlank(cell(i)));
    const interaction = {
      index,
      question: value(group.question),
      response: value(group.response),
      rightAnswer: value(group.rightAnswer),
      result: value(group.result),
    };
    // Shorter attempts are padded with empty groups.
    if (interaction.question !== '' || interaction.response !== '') out.push(interaction);
  }
  return out;
}

/** "70.97", "70,97" (a spreadsheet in a comma-decimal locale), "71 %", "70.97/100"; null for none. */
export function parseScore(text: string): number | null {
  const match = /^(-?\d+(?:[.,]\d+)?)\s*%?(?:\s*\/\s*(\d+(?:[.,]\d+)?))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  const max = match[2] ? Number(match[2].replace(',', '.')) : 100;
  if (!Number.isFinite(value) || !(max > 0)) return null;
  return Math.round((value / max) * 100 * 100) / 100;
}

function emptyAsBlank(text: string): string {
  return EMPTY_CELLS.has(text) ? '' : text;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
