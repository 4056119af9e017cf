/**
 * One file a trainer chose, from bytes to analysed attempts with the notices a trainer should read: what the
 * file is, what it cannot hold and which report to download instead, and which module version wrote it.
 */
import type { Scenario } from '../scenario/model.ts';
import { type AttemptAnalysis, analyseAttempt } from './analyse-attempt.ts';
import {
  identifyVersion,
  type ModuleHistory,
  passMarkFor,
  type RecordedPair,
  type VersionVerdict,
  versionName,
} from './module-versions.ts';
import { REPORT_LABEL, type ReportKind, readMoodleReport } from './moodle-report.ts';
import { type ExportFormat, FORMAT_LABEL, readExportTable } from './read-export-file.ts';
import { formatNumber } from './report-words.ts';

export interface Notice {
  readonly level: 'error' | 'warning' | 'info';
  readonly text: string;
}

export interface LoadedFile {
  readonly name: string;
  readonly format: ExportFormat;
  readonly kind: ReportKind;
  readonly verdict: VersionVerdict;
  readonly attempts: readonly AttemptAnalysis[];
  readonly notices: readonly Notice[];
}

export type FileLoad =
  | { readonly ok: true; readonly file: LoadedFile }
  | { readonly ok: false; readonly name: string; readonly notices: readonly Notice[] };

export const INTERACTIONS_HOW_TO =
  'In Moodle or Totara open the activity, then Reports → Interactions report; tick “Summary of question”, ' +
  '“Summary of responses”, “Summary of right answer” and “Summary of result”, press “Save preferences”, and ' +
  'download in text, Excel or ODS format.';

export function loadExportFile(
  name: string,
  bytes: Uint8Array,
  scenario: Scenario,
  history: ModuleHistory,
): FileLoad {
  const table = readExportTable(name, bytes);
  if (!table.ok) return { ok: false, name, notices: [{ level: 'error', text: table.message }] };
  const recognised = readMoodleReport(name, table.rows);
  if (!recognised.ok) return { ok: false, name, notices: [{ level: 'error', text: recognised.message }] };
  const { report } = recognised;

  // First with the current scenario's pass mark, to see whether the export fits this version at all.
  const first = report.attempts.map((record) => analyseAttempt(scenario, record, scenario.passMark));
  const pairs: RecordedPair[] = first.flatMap((a) =>
    a.decisions.flatMap((d) => [
      { decisionId: d.decisionId, choiceId: d.choiceId },
      ...(d.interaction.rightAnswer
        ? [{ decisionId: d.decisionId, choiceId: d.interaction.rightAnswer }]
        : []),
    ]),
  );
  const offPath = first.filter((a) => a.reached.kind === 'off-path').length;
  const mismatches = first.reduce((n, a) => n + a.decisions.filter((d) => d.resultDiffers).length, 0);
  const verdict = identifyVersion(history, scenario, pairs, offPath, mismatches);
  const passMark = passMarkFor(history, scenario, verdict);
  const attempts =
    passMark === scenario.passMark
      ? first
      : report.attempts.map((r) => analyseAttempt(scenario, r, passMark));

  const notices: Notice[] = [];
  const said = `“${name}”: ${REPORT_LABEL[report.kind]}, ${FORMAT_LABEL[table.format]}`;
  const withAttempt = attempts.filter((a) => a.record.status !== 'not-attempted');
  notices.push({
    level: 'info',
    text: `${said}; ${plural(withAttempt.length, 'attempt')} by ${plural(
      new Set(attempts.map((a) => a.record.email || a.record.name)).size,
      'trainee',
    )}.`,
  });
  if (report.kind === 'basic') {
    notices.push({
      level: 'info',
      text:
        `“${name}” is Moodle's Basic report: it holds attempts, dates and scores, shown below, but not the ` +
        `choices.${report.hasStatus ? '' : ' Without its “Track details” column it cannot tell an unfinished attempt from a score of 0.'} ` +
        `For each decision in words, download the Interactions report instead. ${INTERACTIONS_HOW_TO}`,
    });
  } else if (report.kind === 'objectives') {
    notices.push({
      level: 'info',
      text:
        `“${name}” is Moodle's Objectives report. Moodle 4.5 leaves its objective columns empty for every ` +
        'attempt (a fault in the report, not in the module), so it holds only attempts, dates and scores, shown ' +
        `below. For each decision in words, download the Interactions report instead. ${INTERACTIONS_HOW_TO}`,
    });
  } else {
    const finished = withAttempt.filter((a) => a.record.status === 'scored');
    const noChoices = withAttempt.every((a) => (a.record.interactions ?? []).length === 0);
    if (withAttempt.length > 0 && noChoices && finished.length > 0) {
      notices.push({
        level: 'warning',
        text:
          `“${name}” is an Interactions report whose Question and Response columns are empty for every attempt, ` +
          `although ${plural(finished.length, 'attempt')} finished with a score. This is what Moodle 4.5 gives ` +
          'for a SCORM 2004 package: its Interactions report reads only SCORM 1.2 names, so it finds none of ' +
          'the choices the module recorded. Scores and attempts are shown below. To see each decision, use the ' +
          'SCORM 1.2 package for the activity (the choices then appear in this report), or open each attempt ' +
          'in Moodle (Reports → Basic report → the attempt → Track details), which lists the stored interactions.',
      });
    } else if (!report.hasQuestions) {
      notices.push({
        level: 'info',
        text:
          `“${name}” has the Response columns only, so each decision was found from the path the choices make. ` +
          `For the full report, ${INTERACTIONS_HOW_TO.charAt(0).toLowerCase()}${INTERACTIONS_HOW_TO.slice(1)}`,
      });
    }
  }
  if (verdict.kind === 'other')
    notices.push({ level: 'warning', text: versionNotice(name, verdict, history, passMark) });
  if (report.skipped.length > 0) {
    notices.push({
      level: 'warning',
      text: `“${name}”: ${plural(report.skipped.length, 'row')} left out: ${report.skipped.slice(0, 5).join('; ')}${
        report.skipped.length > 5 ? '; …' : ''
      }.`,
    });
  }
  return { ok: true, file: { name, format: table.format, kind: report.kind, verdict, attempts, notices } };
}

function versionNotice(
  name: string,
  verdict: Extract<VersionVerdict, { kind: 'other' }>,
  history: ModuleHistory,
  passMark: number,
): string {
  const current = history.current;
  const parts = [
    `“${name}” looks like an export from ${versionName(verdict, current)} of the module, not version ${current}, which this report was built with: it has ${verdict.reasons.join(', ')}.`,
  ];
  if (verdict.unknownIds.length > 0) {
    const shown = verdict.unknownIds.slice(0, 8).join(', ');
    parts.push(
      `Ids version ${current} does not know are shown as recorded: ${shown}${verdict.unknownIds.length > 8 ? ', …' : ''}.`,
    );
  }
  parts.push(
    `Choices are described with version ${current}'s words, classes and points; an ending is named only where the choices make a version ${current} path; pass or fail uses a pass mark of ${Math.round(passMark * 100)} %.`,
  );
  return parts.join(' ');
}

export function plural(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;
}
