/**
 * The combined table a trainer downloads: one row per attempt the filter keeps (and one per trainee with
 * none), each decision in words with its class, the points by principle, the file it came from. Cells that
 * a spreadsheet would run as a formula (starting =, +, -, @) are prefixed with an apostrophe.
 */
import type { DecisionNode, Scenario } from '../scenario/model.ts';
import { writeCsv } from './read-delimited.ts';
import { CLASS_LABEL, reachedText, resultText } from './report-words.ts';
import { type AttemptFilter, attemptsShown, type Trainee } from './trainees.ts';

export function reportTable(
  scenario: Scenario,
  trainees: readonly Trainee[],
  filter: AttemptFilter,
  version: string,
): string[][] {
  const decisions = Object.values(scenario.nodes).filter((n): n is DecisionNode => n.kind === 'decision');
  const header = [
    'Name',
    'Email address',
    'Attempt',
    'Started on',
    'Last accessed on',
    'Score',
    'Result',
    'Ending',
    ...decisions.flatMap((d) => [`${d.title}: choice`, `${d.title}: class`]),
    'Other recorded choices',
    ...scenario.principles.map((p) => `Points: ${p.label}`),
    'File',
  ];
  const rows: string[][] = [header];
  for (const trainee of trainees) {
    const attempts = attemptsShown(trainee, filter);
    if (attempts.length === 0) {
      rows.push([
        trainee.name,
        trainee.email,
        '',
        '',
        '',
        '',
        'No attempt',
        '',
        ...decisions.flatMap(() => ['', '']),
        '',
        ...scenario.principles.map(() => ''),
        '',
      ]);
      continue;
    }
    for (const { analysis, fileName } of attempts) {
      const { record } = analysis;
      const byDecision = new Map(analysis.decisions.map((d) => [d.decisionId, d]));
      const others = analysis.decisions
        .filter((d) => !decisions.some((node) => node.id === d.decisionId && d.choice))
        .map((d) => `${d.decisionId || '?'}: ${d.choiceId}`);
      rows.push([
        record.name,
        record.email,
        String(record.attempt ?? ''),
        record.startedOn,
        record.lastAccessedOn,
        record.score === null ? '' : String(record.score),
        resultText(analysis),
        reachedText(analysis.reached, version),
        ...decisions.flatMap((d) => {
          const seen = byDecision.get(d.id);
          return seen?.choice ? [seen.choice.label, CLASS_LABEL[seen.choice.class]] : ['', ''];
        }),
        others.join('; '),
        ...scenario.principles.map((p) =>
          analysis.decisions.length > 0 ? String(analysis.byPrinciple[p.id] ?? 0) : '',
        ),
        fileName,
      ]);
    }
  }
  return rows;
}

export function reportCsv(
  scenario: Scenario,
  trainees: readonly Trainee[],
  filter: AttemptFilter,
  version: string,
): string {
  return writeCsv(reportTable(scenario, trainees, filter, version).map((row) => row.map(defuse)));
}

/** A cell a spreadsheet would read as a formula, kept as text; plain numbers pass unchanged. */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}
