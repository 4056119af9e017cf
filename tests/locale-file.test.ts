// The locale file (content/locale/<tag>.yaml) as the build checks it: the project's en-GB file compiles, and
// each kind of mistake an author or translator can make is refused with its file, line and fix.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileLocale,
  type DeclaredMessages,
  type LocaleProblem,
  readLocaleFile,
} from '../plugins/locale-file';
import { UI_MESSAGES } from '../src/ui/ui-messages';

const declared: DeclaredMessages = {
  start: {},
  stageOf: { stage: 'number', of: 'number' },
  yourEnding: { title: 'text' },
  stagesDone: { done: 'number', of: 'number' },
};

const valid = [
  'start: Start',
  'stageOf: Stage {stage} of {of}',
  "yourEnding: 'Your ending: {title}'",
  'stagesDone:',
  '  plural: of',
  "  one: '{done} of {of} stage done'",
  "  other: '{done} of {of} stages done'",
];

function problemsOf(lines: readonly string[], tag = 'en-GB'): LocaleProblem[] {
  const result = compileLocale(lines.join('\n'), { file: 'content/locale/x.yaml', tag, declared });
  if (result.ok) throw new Error('the locale was accepted');
  return [...result.problems];
}

describe('the locale file', () => {
  it('compiles the project’s en-GB file: every message the interface shows, nothing else', () => {
    const result = readLocaleFile(process.cwd(), 'en-GB');
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
    expect(Object.keys(result.locale.messages).sort()).toEqual(Object.keys(UI_MESSAGES).sort());
    expect(result.locale).toMatchObject({ lang: 'en-GB', intl: 'en-GB' });
  });

  it('compiles a plural to the value it turns on and its forms', () => {
    const result = compileLocale(valid.join('\n'), { file: 'x.yaml', tag: 'en-GB', declared });
    expect(result.ok && result.locale.messages.stagesDone).toEqual([
      'of',
      { one: '{done} of {of} stage done', other: '{done} of {of} stages done' },
    ]);
  });

  it.each([
    [
      'a message the code shows is missing',
      valid.filter((line) => !line.startsWith('yourEnding')),
      {
        line: 2,
        code: 'missing-message',
        message: /"yourEnding" is missing/,
        hint: /after "stageOf".*\{title\}/,
      },
    ],
    [
      'a message no code shows',
      [...valid, 'goodbye: Goodbye'],
      { line: 8, code: 'unused-message', message: /"goodbye" is not a message/, hint: /ui-messages\.ts/ },
    ],
    [
      'a misspelt key (reported once, with the likely key)',
      valid.map((line) => line.replace('yourEnding:', 'yourEndng:')),
      { line: 3, code: 'unused-message', message: /"yourEndng"/, hint: /did you mean "yourEnding"/ },
    ],
    [
      'a {value} the code does not pass',
      valid.map((line) => line.replace('Stage {stage}', 'Stage {stages}')),
      {
        line: 2,
        code: 'unknown-value',
        message: /\{stages\}, which the code does not pass; it passes \{stage\}, \{of\}/,
        hint: /did you mean \{stage\}/,
      },
    ],
    [
      'a plural category English does not have',
      [...valid, "  few: '{done} of {of} stages done'"],
      { line: 8, code: 'unknown-plural-category', message: /"few"/, hint: /one, other/ },
    ],
    [
      'a plural with a category missing',
      valid.filter((line) => !line.includes('stage done')),
      { line: 5, code: 'missing-plural-category', message: /no "one" form/, hint: /one, other/ },
    ],
    [
      'a plural on text',
      valid.map((line) => line.replace('plural: of', 'plural: title')),
      { line: 4, code: 'plural-not-a-number', message: /by "title"/, hint: /plural: done" or "plural: of/ },
    ],
    [
      'a message starting with "{" left unquoted (YAML reads a map)',
      valid.map((line) => line.replace("yourEnding: 'Your ending: {title}'", 'yourEnding: {title}')),
      { line: 3, code: 'missing-plural', message: /must be in quotes/, hint: /quote the message/ },
    ],
    [
      'an empty message',
      valid.map((line) => line.replace('start: Start', 'start:')),
      { line: 1, code: 'wrong-type', message: /"start" is empty/, hint: /write the words/ },
    ],
    ['broken YAML', [...valid, "bad: 'unclosed"], { line: 8, code: 'yaml-syntax', message: /./, hint: /./ }],
  ])('refuses %s, naming the line and the fix', (_, lines, expected) => {
    const [problem, ...others] = problemsOf(lines);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      file: 'content/locale/x.yaml',
      line: expected.line,
      code: expected.code,
    });
    expect(problem?.message).toMatch(expected.message);
    expect(problem?.hint).toMatch(expected.hint);
  });

  it('asks a Welsh file for the plural categories Welsh has', () => {
    const problems = problemsOf(valid, 'cy');
    expect(problems.map((p) => p.code)).toEqual(['missing-plural-category']);
    expect(problems[0]?.hint).toMatch(/zero, one, two, few, many, other/);
  });

  it('names the manifest’s choice and the files there are when the locale has no file', () => {
    const result = readLocaleFile(process.cwd(), 'cy');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'content/locale/cy.yaml', code: 'missing-file' });
    expect(result.problems[0]?.hint).toMatch(/en-GB/);
  });
});

describe('the declared messages', () => {
  // The declaration is what the build checks the locale against, so it must not keep a key the code dropped.
  it('are each used somewhere in src/ or plugins/', () => {
    const sources = ['src', 'plugins']
      .flatMap((dir) =>
        readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)),
      )
      .filter(
        (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('ui-messages.ts'),
      )
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(UI_MESSAGES).filter((key) => !sources.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
