/**
 * The trainer's report's model on the real Moodle 4.5.6 downloads (tests/fixtures/moodle-exports/, made by
 * playing version 1.0.0 of the packages; its README says who took which path) and on made-up files: every
 * format reads to the same attempts, the 1.0.0 export is named as such, the 2004 and Basic/Objectives
 * exports get their messages, and bad files are refused with what was expected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleHistory } from '../plugins/trainer-report-plugin.ts';
import { cohortOf } from '../src/report/cohort.ts';
import { type FileLoad, type LoadedFile, loadExportFile } from '../src/report/load-export.ts';
import { parseScore } from '../src/report/moodle-report.ts';
import { guessDelimiter } from '../src/report/read-delimited.ts';
import { defuse, reportCsv } from '../src/report/report-csv.ts';
import { reachedText, resultText, scoreText } from '../src/report/report-words.ts';
import { attemptsShown, gatherTrainees, parseMoodleDate, type Trainee } from '../src/report/trainees.ts';
import type { Scenario } from '../src/scenario/model.ts';
import { generateInteractionsExport } from './fixtures/moodle-export-generator.ts';
import { projectScenario } from './project-scenario';

const scenario: Scenario = projectScenario();
const history = readModuleHistory();
const FIXTURES = path.resolve('tests/fixtures/moodle-exports');

function load(name: string, bytes: Uint8Array | string): FileLoad {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return loadExportFile(name, data, scenario, history);
}
function fixture(relative: string): LoadedFile {
  const result = load(path.basename(relative), new Uint8Array(readFileSync(path.join(FIXTURES, relative))));
  if (!result.ok) throw new Error(result.notices.map((n) => n.text).join('\n'));
  return result.file;
}
function errorOf(result: FileLoad): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.notices.map((n) => n.text).join('\n');
}
function summary(trainees: readonly Trainee[]) {
  return trainees.flatMap((t) =>
    t.attempts.map(({ analysis }) => ({
      name: t.name,
      attempt: analysis.record.attempt,
      score: scoreText(analysis),
      result: resultText(analysis),
      ending: reachedText(analysis.reached, history.current),
      choices: analysis.decisions.map((d) => `${d.decisionId}.${d.choiceId}`),
    })),
  );
}

describe('the SCORM 1.2 Interactions export of version 1.0.0', () => {
  const formats = ['txt', 'xlsx', 'ods'] as const;
  const files = Object.fromEntries(formats.map((f) => [f, fixture(`scorm12/interactions.${f}`)]));

  it.each(formats)('reads the same attempts from .%s', (format) => {
    const file = files[format] as LoadedFile;
    expect(file.kind).toBe('interactions');
    expect(file.format).toBe(format === 'txt' ? 'text' : format);
    const seen = summary(gatherTrainees([file]));
    expect(seen).toHaveLength(7);
    expect(seen.find((s) => s.name === 'Priya Shah')).toMatchObject({
      score: '100 %',
      result: 'Passed',
      ending: 'The boundary holds',
      choices: [
        'stage1_car_park.decline_clearly',
        'stage2_facebook_message.preserve_and_report',
        'stage3_flowers.return_and_transfer',
      ],
    });
    expect(seen.find((s) => s.name === 'Tom Evans')).toMatchObject({
      result: 'Failed',
      ending: 'A referral to the GMC',
    });
    expect(seen.find((s) => s.name === 'Aisha Bello')).toMatchObject({
      score: 'None yet (not finished)',
      result: 'Not finished',
      ending: 'Not finished',
    });
    expect(seen.filter((s) => s.name === "Liam O'Connor").map((s) => [s.attempt, s.result])).toEqual([
      [1, 'Failed'],
      [2, 'Passed'],
    ]);
    expect(seen.find((s) => s.name === 'Zoë Müller')).toMatchObject({
      score: '45.16 %',
      ending: 'It stops, but the messages come back to you',
    });
    expect(seen.find((s) => s.name === 'Sam Jones')?.ending).toMatch(/not a path of version 1\.1\.0/);
  });

  it('is named as an export from version 1.0.0, judged by its 70 % pass mark, with nothing dropped', () => {
    const file = files.txt as LoadedFile;
    expect(file.verdict).toMatchObject({ kind: 'other', versions: ['1.0.0'], unknownIds: [] });
    const warning = file.notices.find((n) => n.level === 'warning')?.text ?? '';
    expect(warning).toMatch(/version 1\.0\.0 of the module, not version 1\.1\.0/);
    expect(warning).toMatch(/pass mark of 70 %/);
    // Liam's second attempt (70.97) passed in Moodle under 1.0.0's 70 %; 1.1.0's 75 % would fail it.
    const liam = gatherTrainees([file]).find((t) => t.name === "Liam O'Connor");
    expect(liam?.attempts[1]?.analysis.passed).toBe(true);
  });

  it('counts the cohort: choices per decision, endings, pass rate and who to talk to', () => {
    const trainees = gatherTrainees([files.txt as LoadedFile]);
    const all = cohortOf(scenario, trainees, 'all');
    const stage1 = all.decisions.find((d) => d.decisionId === 'stage1_car_park');
    expect(Object.fromEntries(stage1?.choices.map((c) => [c.choiceId, c.count]) ?? [])).toEqual({
      vague_maybe: 2,
      decline_clearly: 3,
      decline_and_transfer: 0,
      walk_away: 1,
      accept_drink: 1,
    });
    expect(all).toMatchObject({ trainees: 6, attempts: 7, judged: 6, passed: 2 });
    const latest = cohortOf(scenario, trainees, 'latest');
    expect(latest).toMatchObject({ attempts: 6, judged: 5, passed: 2 });
    expect(latest.talkTo.map((t) => t.trainee.name).sort()).toEqual([
      "Liam O'Connor",
      'Sam Jones',
      'Tom Evans',
      'Zoë Müller',
    ]);
    const best = trainees.find((t) => t.name === "Liam O'Connor");
    expect(best && attemptsShown(best, 'best').map((a) => a.analysis.record.attempt)).toEqual([2]);
  });

  it('reads the text and the Excel download of one report as the same attempts', () => {
    const trainees = gatherTrainees([files.txt as LoadedFile, files.xlsx as LoadedFile]);
    expect(trainees.reduce((n, t) => n + t.attempts.length, 0)).toBe(7);
  });
});

describe('the SCORM 2004 exports, and the Basic and Objectives reports', () => {
  it.each(['txt', 'xlsx', 'ods'])(
    'explains the empty 2004 Interactions export (.%s) and keeps its scores',
    (format) => {
      const file = fixture(`scorm2004/interactions.${format}`);
      const warning = file.notices.find((n) => n.level === 'warning')?.text ?? '';
      expect(warning).toMatch(/SCORM 2004 package/);
      expect(warning).toMatch(/SCORM 1\.2 package/);
      expect(warning).toMatch(/Track details/);
      const seen = summary(gatherTrainees([file]));
      expect(seen.find((s) => s.name === 'Zoë Müller')).toMatchObject({ score: '45.16 %', result: 'Failed' });
      expect(seen.find((s) => s.name === 'Aisha Bello')?.result).toBe('Not finished');
      const liam = gatherTrainees([file]).find((t) => t.name === "Liam O'Connor");
      expect(liam?.attempts).toEqual([]);
    },
  );

  it.each([
    'scorm12/basic',
    'scorm12/basic-detailed',
    'scorm2004/basic',
    'scorm12/objectives',
    'scorm12/objectives-with-score',
    'scorm2004/objectives-with-score',
  ])('adds what %s holds and says which report to download', (stem) => {
    for (const format of ['txt', 'xlsx', 'ods']) {
      const file = fixture(`${stem}.${format}`);
      expect(file.kind).toBe(stem.includes('objectives') ? 'objectives' : 'basic');
      const info = file.notices.map((n) => n.text).join('\n');
      expect(info).toMatch(/download the Interactions report instead/);
      if (stem.includes('objectives')) expect(info).toMatch(/objective columns empty/);
      const priya = summary(gatherTrainees([file])).find((s) => s.name === 'Priya Shah');
      expect(priya).toMatchObject({ score: '100 %', result: 'Passed', ending: 'Not in this export' });
    }
  });
});

describe('files that are not what they should be', () => {
  it.each([
    ['empty.txt', '', /is empty/],
    ['notes.txt', 'Dear trainer,\nplease find attached.\n', /first row should name the columns/],
    ['grades.csv', 'Student,Mark\nA,1\n', /“Student”, “Mark”/],
    ['report.pdf', '%PDF-1.7 binary', /is a PDF/],
  ])('refuses %s and says what was expected', (name, text, message) => {
    const error = errorOf(load(name, text));
    expect(error).toMatch(message);
    expect(error).toMatch(/Interactions report|Expected a SCORM report/);
  });

  it('refuses binary data, a damaged spreadsheet, a SCORM package and an old .xls', () => {
    expect(errorOf(load('x.bin', new Uint8Array([1, 2, 0, 4, 5])))).toMatch(/not a text file/);
    const xlsx = new Uint8Array(readFileSync(path.join(FIXTURES, 'scorm12/interactions.xlsx')));
    expect(errorOf(load('cut.xlsx', xlsx.slice(0, 3000)))).toMatch(/could not be read|not a spreadsheet/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('imsmanifest.xml')]);
    expect(errorOf(load('package.zip', zip))).toMatch(/SCORM package, not a report/);
    expect(errorOf(load('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toMatch(/\.xls/);
  });
});

describe('CSV and awkward cells', () => {
  const header =
    'Name;Email address;Attempt;Started on;Last accessed on;Score;Module;Question 0;Response 0;Right answer 0;Result 0';

  it('reads a semicolon CSV with a byte-order mark, CRLF, comma decimals, quoted newlines and markup in names', () => {
    const csv = [
      header,
      '"Siân O\'Brien";sian@example.org;1;1 December 2026, 9:30 PM;-;"80,65";"80,65";stage1_car_park;decline_clearly;decline_clearly;correct',
      '"<img src=x onerror=alert(1)>\nSecond line";x@example.org;-;-;-;-;Not attempted;;;;',
      'Ola Nordmann;ola@example.org;1;;;0;Incomplete;;;;',
    ].join('\r\n');
    const result = load('resaved.csv', `\uFEFF${csv}`);
    if (!result.ok) throw new Error(errorOf(result));
    expect(result.file.format).toBe('csv');
    const trainees = gatherTrainees([result.file]);
    expect(trainees.map((t) => t.name)).toEqual([
      '<img src=x onerror=alert(1)>\nSecond line',
      'Ola Nordmann',
      "Siân O'Brien",
    ]);
    const sian = trainees[2]?.attempts[0]?.analysis;
    expect(sian && [scoreText(sian), resultText(sian), reachedText(sian.reached, '1.1.0')]).toEqual([
      '80.65 %',
      'Passed',
      'Not finished',
    ]);
    expect(trainees[0]?.attempts).toEqual([]);
  });

  it('shows ids the scenario does not know as they are, names the module version, and drops nothing', () => {
    const text = [
      header.replace(/;/g, '\t'),
      [
        'Ana Li',
        'ana@example.org',
        '1',
        '',
        '',
        '40',
        '40',
        'stage4_court',
        'give_evidence',
        'give_evidence',
        'correct',
      ].join('\t'),
      [
        'Ben Ode',
        'ben@example.org',
        '1',
        '',
        '',
        '40',
        '40',
        'stage1_car_park',
        'shout_for_help',
        'decline_clearly',
        'wrong',
      ].join('\t'),
    ].join('\n');
    const result = load('future.txt', text);
    if (!result.ok) throw new Error(errorOf(result));
    expect(result.file.verdict).toMatchObject({
      kind: 'other',
      versions: [],
      unknownIds: ['stage4_court.give_evidence', 'stage1_car_park.shout_for_help'],
    });
    const warning = result.file.notices.find((n) => n.level === 'warning')?.text ?? '';
    expect(warning).toMatch(/a version this report does not know/);
    expect(warning).toMatch(/stage4_court\.give_evidence/);
    const trainees = gatherTrainees([result.file]);
    expect(
      trainees.flatMap((t) => t.attempts.flatMap((a) => a.analysis.decisions.map((d) => d.choiceId))),
    ).toEqual(['give_evidence', 'shout_for_help']);
    const cohort = cohortOf(scenario, trainees, 'all');
    expect(cohort.decisions.find((d) => d.decisionId === 'stage4_court')?.choices).toEqual([
      { choiceId: 'give_evidence', choice: undefined, count: 1 },
    ]);
  });

  it('finds each decision from the path when the export has Response columns only', () => {
    const text = [
      'Name\tAttempt\tScore\tModule\tResponse 0\tResponse 1\tResponse 2',
      'Priya Shah\t1\t100\t100\tdecline_clearly\tpreserve_and_report\treturn_and_transfer',
    ].join('\n');
    const result = load('responses.txt', text);
    if (!result.ok) throw new Error(errorOf(result));
    expect(result.file.verdict.kind).toBe('current');
    const attempt = gatherTrainees([result.file])[0]?.attempts[0]?.analysis;
    expect(attempt?.reached).toMatchObject({ kind: 'ending', ending: { id: 'ending_boundary_restored' } });
    expect(result.file.notices.map((n) => n.text).join()).toMatch(/Response columns only/);
  });

  it('parses scores, dates and delimiters as the LMS and spreadsheets write them', () => {
    expect(['70.97', '70,97', '71 %', '70.97/100', '-', 'Incomplete', '9/10'].map(parseScore)).toEqual([
      70.97,
      70.97,
      71,
      70.97,
      null,
      null,
      90,
    ]);
    expect(parseMoodleDate('Tuesday, 1 December 2026, 9:30 PM')).toBe(Date.UTC(2026, 11, 1, 21, 30));
    expect(parseMoodleDate('1 December 2026, 12:05 AM')).toBe(Date.UTC(2026, 11, 1, 0, 5));
    expect(guessDelimiter('Name\t"Email address"\tScore\n')).toBe('\t');
    expect(guessDelimiter('"Name, full";Score;Attempt\n')).toBe(';');
    expect(guessDelimiter('Name,Score\n')).toBe(',');
    expect(['=HYPERLINK("x")', '+1', '-', '@me', '-3.5', 'Zoë'].map(defuse)).toEqual([
      '\'=HYPERLINK("x")',
      '+1',
      "'-",
      "'@me",
      '-3.5',
      'Zoë',
    ]);
  });
});

describe('a generated export of 1,000 trainees', () => {
  it('reads every attempt, replays each path to its ending and writes the combined CSV', () => {
    const generated = generateInteractionsExport(scenario, 1000);
    const result = load('cohort.txt', generated.text);
    if (!result.ok) throw new Error(errorOf(result));
    expect(result.file.verdict.kind).toBe('current');
    const trainees = gatherTrainees([result.file]);
    expect(trainees).toHaveLength(1000);
    const byEmail = new Map(trainees.map((t) => [t.email, t]));
    for (const expected of generated.attempts) {
      const attempt = byEmail.get(expected.email)?.attempts[expected.attempt - 1]?.analysis;
      expect(attempt?.decisions.map((d) => `${d.decisionId}.${d.choiceId}`)).toEqual(expected.choices);
      expect(attempt?.reached.kind === 'ending' ? attempt.reached.ending.id : null).toBe(expected.ending);
      // The class rule: a path passes exactly when it has no poor choice.
      if (expected.ending !== null) expect(attempt?.passed).toBe(attempt?.poor.length === 0);
    }
    const csv = reportCsv(scenario, trainees, 'all', history.current);
    expect(csv.split('\r\n')).toHaveLength(1 + generated.attempts.length);
  });
});
