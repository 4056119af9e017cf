import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../plugins/load-scenario-file';
import { type LoadResult, loadScenario } from '../src/scenario/load/load-scenario';
import { formatProblem, type ScenarioProblem } from '../src/scenario/load/problem';

const FIXTURES = 'tests/fixtures/scenarios';
const PAGES = path.join(FIXTURES, 'pages');

/**
 * `yaml-syntax` is kept as .txt: Biome parses every .yaml in the repository, and a deliberately broken one
 * would fail `npm run lint`.
 */
function fixtureFile(name: string): string {
  return `${FIXTURES}/${name}.${name === 'yaml-syntax' ? 'txt' : 'yaml'}`;
}

function load(name: string, pagesDir = PAGES): LoadResult {
  return loadScenarioFile(fixtureFile(name), { pagesDir });
}

/** The problems as `line:column code`, with messages kept for the assertions that read them. */
function errorsOf(name: string, pagesDir?: string): readonly ScenarioProblem[] {
  const result = load(name, pagesDir);
  if (result.ok) throw new Error(`${name}.yaml loaded, but a problem was expected`);
  return result.errors;
}

function only(name: string): ScenarioProblem {
  const errors = errorsOf(name);
  expect(errors.map(formatProblem)).toHaveLength(1);
  return errors[0] as ScenarioProblem;
}

function expectProblem(name: string, at: string, code: string, message: string | RegExp): void {
  const problem = only(name);
  expect(`${problem.line}:${problem.column}`).toBe(at);
  expect(problem.code).toBe(code);
  expect(problem.message).toMatch(message);
  expect(problem.file).toBe(fixtureFile(name));
  expect(problem.hint.length).toBeGreaterThan(0);
}

describe('the scenario loader refuses, naming the line and column', () => {
  it('refuses YAML that does not parse (an unclosed list), at 31:5', () => {
    expectProblem('yaml-syntax', '31:5', 'yaml-syntax', /end with a \]/);
  });

  it('refuses an empty file, at 1:1', () => {
    expectProblem('empty-file', '1:1', 'empty-file', 'the scenario file is empty');
  });

  it('refuses a node defined twice, at the second definition 80:3', () => {
    expectProblem(
      'duplicate-key',
      '80:3',
      'duplicate-key',
      '"ask" appears twice in the same mapping (first on line 33)',
    );
  });

  it('refuses a misspelt key and suggests the right one, at 66:5', () => {
    expectProblem('unknown-key', '66:5', 'unknown-key', 'unknown key "titel" in node "aftermath"');
    expect(only('unknown-key').hint).toBe('did you mean "title"?');
  });

  it('refuses a decision with no prompt, at its id 33:3', () => {
    expectProblem('missing-key', '33:3', 'missing-key', 'node "ask" has no "prompt"');
  });

  it('refuses the pass mark written as a word, at 5:11', () => {
    expectProblem('wrong-type', '5:11', 'wrong-type', 'passMark must be a number, not text "half"');
  });

  it('refuses a choice id with a hyphen, at 53:13, and the condition that names it, at 69:25', () => {
    const errors = errorsOf('invalid-id');
    expect(errors.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '53:13 invalid-id',
      '69:25 invalid-value',
    ]);
    expect(errors[0]?.message).toBe(
      'id "accept-drink" in node "ask", choice "accept-drink" is not a valid id',
    );
    expect(errors[0]?.hint).toContain('"accept_drink"');
  });

  it('refuses a summary longer than 250 characters, at 39:14', () => {
    expectProblem(
      'too-long',
      '39:14',
      'too-long',
      'summary in node "ask" is 327 characters; at most 250 are allowed',
    );
  });

  it('refuses a decision with one choice, at 41:7', () => {
    expectProblem('wrong-count', '41:7', 'wrong-count', 'decision "ask" has 1 choice; it needs 2–5');
  });

  it('refuses an ending outcome that is not good, mixed or poor, at 75:14', () => {
    expectProblem(
      'invalid-value',
      '75:14',
      'invalid-value',
      'outcome in node "ending_good" must be one of good, mixed, poor',
    );
  });

  it('refuses two choices with one id in a decision, at the second 53:13', () => {
    expectProblem(
      'duplicate-id',
      '53:13',
      'duplicate-id',
      'duplicate choice id "decline" in decision "ask" (first used on line 41)',
    );
  });

  it('refuses a goto that names no node, at 70:15', () => {
    expectProblem('unknown-target', '70:15', 'unknown-target', 'goto names no node "ending_pore"');
    expect(only('unknown-target').hint).toBe('did you mean "ending_poor"?');
  });

  it('refuses a node nothing leads to, at 80:3', () => {
    expectProblem(
      'unreachable-node',
      '80:3',
      'unreachable-node',
      'node "orphan" cannot be reached from start "intro"',
    );
  });

  it('refuses a scene with no way on, at 64:3', () => {
    expectProblem('dead-end', '64:3', 'dead-end', 'scene "pause" has no way on');
  });

  it('refuses a loop with no way out to an ending, at its first node 64:3', () => {
    expectProblem(
      'loop-without-exit',
      '64:3',
      'loop-without-exit',
      'nodes "reflect", "brood" lead only to each other',
    );
  });

  it('refuses a score against a principle that is not listed, at 58:31', () => {
    expectProblem('unknown-principle', '58:31', 'unknown-principle', 'score names no principle "honesty"');
  });

  it('refuses guidance citing a reference that is not listed, at 51:22', () => {
    expectProblem('unknown-reference', '51:22', 'unknown-reference', 'guidance cites no reference "gmp2042"');
  });

  it('refuses a when naming a choice the decision does not have, at 69:25', () => {
    expectProblem('unknown-choice', '69:25', 'unknown-choice', 'decision "ask" has no choice "agree"');
  });

  it('refuses a when about a decision that only comes later, at 32:25', () => {
    expectProblem('choice-not-before', '32:25', 'choice-not-before', 'decision "ask" never comes before it');
  });

  it('refuses a branch list whose last branch has a when, at 71:9', () => {
    expectProblem('branch-fallthrough', '71:9', 'branch-fallthrough', 'the last branch has a "when"');
  });

  it('refuses an illustration file that does not exist, at 28:19', () => {
    expectProblem('missing-file', '28:19', 'missing-file', 'illustration file not found: media/car_park.svg');
  });

  it('refuses two illustrations that would land on one packaged file, at 67:19', () => {
    expectProblem(
      'media-name-clash',
      '67:19',
      'media-name-clash',
      'would both be packaged as media/car-park.svg',
    );
  });

  it('refuses a page that is not in the pages folder, at 30:22', () => {
    expectProblem('unknown-page', '30:22', 'unknown-page', 'no page "boundaries_faq" in content/pages/');
  });

  it('refuses a pass mark when no path scores above 0, at 5:11', () => {
    expectProblem('pass-mark-unreachable', '5:11', 'pass-mark-unreachable', 'the best path scores 0');
  });

  it('refuses minutes, which the build now computes, at 5:1', () => {
    expectProblem(
      'retired-minutes',
      '5:1',
      'retired-key',
      '"minutes" is no longer written in the scenario: the time a learner should plan for is computed',
    );
    expect(only('retired-minutes').hint).toMatch(/^delete this line; the build estimates the time/);
  });

  it("refuses a title, which is the manifest's to give, at 4:1", () => {
    expectProblem(
      'retired-title',
      '4:1',
      'retired-key',
      '"title" is no longer written in the scenario: the module\'s title is written once, in imsmanifest.xml',
    );
    expect(only('retired-title').hint).toMatch(/edit the organization's <title> in imsmanifest\.xml/);
  });

  it('refuses a class that is not recommended, acceptable or poor, at 43:16', () => {
    expectProblem(
      'invalid-class',
      '43:16',
      'invalid-value',
      'class in node "ask", choice "decline" must be one of recommended, acceptable, poor, not "recomended"',
    );
    expect(only('invalid-class').hint).toBe('did you mean "recommended"?');
  });

  it('refuses a choice with no class, at the choice 53:9', () => {
    expectProblem('missing-class', '53:9', 'missing-key', 'node "ask", choice "accept" has no "class"');
    expect(only('missing-class').hint).toMatch(/^add "class:" here\. How the guidance judges this choice/);
  });

  it('refuses a short name over 60 characters, at 44:16', () => {
    expectProblem(
      'short-too-long',
      '44:16',
      'too-long',
      'short in node "ask", choice "decline" is 68 characters; at most 60 are allowed',
    );
  });

  it('refuses a rationale that runs over two lines, at 45:20', () => {
    expectProblem(
      'rationale-two-lines',
      '45:20',
      'invalid-value',
      'rationale in node "ask", choice "decline" runs over more than one line',
    );
  });

  it('refuses a decision with no recommended choice, at its choices 40:5', () => {
    expectProblem('no-recommended', '40:5', 'recommended-count', 'decision "ask" has no recommended choice');
  });

  it('refuses a decision with two recommended choices, at the second class 55:16', () => {
    expectProblem(
      'two-recommended',
      '55:16',
      'recommended-count',
      'decision "ask" has 2 recommended choices ("decline", "accept"); it needs exactly one',
    );
  });

  it('refuses a poor choice that scores as much as the recommended one, at its score 58:16', () => {
    expectProblem(
      'points-vs-class',
      '58:16',
      'points-vs-class',
      'poor choice "accept" in decision "ask" scores 2, as much as recommended "decline" (2): the points must agree with the class',
    );
  });

  it('refuses a pass mark that fails a path of recommended and acceptable choices, at 5:11', () => {
    expectProblem(
      'sound-path-fails',
      '5:11',
      'sound-path-fails',
      "a path of recommended and acceptable choices fails: ask.accept → ending_poor scores 0, below the 1 needed (passMark 0.5 of the best path's 2)",
    );
  });

  it('refuses a pass mark that passes a path through a poor choice, at its class 55:16', () => {
    expectProblem(
      'poor-path-passes',
      '55:16',
      'poor-path-passes',
      'poor choice "accept" in decision "ask" is on a path that passes: ask.accept → ending_poor scores 1, reaching the 1 needed (passMark 0.5 of the best path\'s 2)',
    );
  });

  it('refuses pages without a title or with an invalid file name, naming the page file', () => {
    const errors = errorsOf('valid-minimal', path.join(FIXTURES, 'pages-broken'));
    expect(errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      `${FIXTURES}/pages-broken/privacy.md:1:1 page-without-title`,
      `${FIXTURES}/pages-broken/social-media.md:1:1 invalid-id`,
    ]);
  });
});

describe('the scenario loader reports every problem at once', () => {
  it('lists five unrelated problems in one run, in file order', () => {
    expect(errorsOf('several-problems').map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '28:19 missing-file',
      '41:13 invalid-id',
      '58:31 unknown-principle',
      '66:5 unknown-key',
      '70:15 unknown-target',
    ]);
  });

  it('formats a problem as file:line:column, code, message and hint', () => {
    const problem = only('unknown-target');
    expect(formatProblem(problem)).toBe(
      `${FIXTURES}/unknown-target.yaml:70:15 error[unknown-target]: goto names no node "ending_pore"\n` +
        '  hint: did you mean "ending_poor"?',
    );
  });
});

describe('the scenario loader builds the model', () => {
  const result = load('valid-minimal');
  const scenario = result.ok ? result.scenario : undefined;

  it('loads the minimal scenario without warnings', () => {
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('turns next: x into a single branch', () => {
    expect(scenario?.nodes.intro).toMatchObject({ kind: 'scene', next: [{ goto: 'ask' }] });
  });

  it('computes each choice total, and takes the recommended choice from the classes', () => {
    const ask = scenario?.nodes.ask;
    expect(ask?.kind === 'decision' && ask.choices.map((c) => [c.id, c.class, c.total])).toEqual([
      ['decline', 'recommended', 2],
      ['accept', 'poor', 0],
    ]);
    expect(ask).toMatchObject({ recommended: 'decline' });
  });

  it('keeps each choice short name and rationale as text', () => {
    const ask = scenario?.nodes.ask;
    expect(ask?.kind === 'decision' && ask.choices[1]).toMatchObject({
      short: 'Accepted the drink',
      rationale: 'A personal relationship with a patient breaches the boundary.',
    });
  });

  it('computes the minutes from the recommended path (51 words, 1 decision, no reflection page: 11.3 → 15)', () => {
    expect(scenario?.minutes).toBe(15);
  });

  it("gives the text a learner reads typographic apostrophes: patient's becomes patient’s", () => {
    expect(scenario?.outcomes[0]?.text).toBe('Decline a patient’s invitation clearly and kindly.');
  });

  it('points illustrations at media/ in the package and lists the file to copy', () => {
    expect(scenario?.nodes.intro?.illustration).toBe('media/car-park.svg');
    expect(result.ok && result.media).toEqual([
      { source: 'media/car-park.svg', target: 'media/car-park.svg' },
    ]);
  });

  it('includes every page in the pages folder, with its title', () => {
    expect(scenario?.pages).toEqual({
      privacy: {
        id: 'privacy',
        title: 'Your privacy online',
        html: '<p>Set personal profiles to <strong>friends only</strong>, and check what a stranger can see.</p>\n',
      },
    });
  });

  it('compiles prose to HTML and keeps plain-text fields as text', () => {
    const ask = scenario?.nodes.ask;
    expect(ask?.body).toBe('<p>He asks you out for a drink.</p>\n');
    expect(ask?.kind === 'decision' && ask.prompt).toBe('What do you say?');
  });
});

describe('the scenario loader makes raw HTML inert', () => {
  const result = load('xss');
  const scenario = result.ok ? result.scenario : undefined;
  const html = scenario ? JSON.stringify(scenario.nodes) : '';

  it('loads a scenario whose prose contains HTML', () => {
    expect(result.ok).toBe(true);
  });

  it('shows script and img tags in a body as text, not elements', () => {
    const body = scenario?.nodes.intro?.body ?? '';
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<iframe|<a href="javascript/i);
  });

  it('drops javascript: links in feedback', () => {
    const ask = scenario?.nodes.ask;
    const why = ask?.kind === 'decision' ? ask.choices[0]?.feedback.why : '';
    expect(why).toContain('&lt;a href=“javascript:alert(1)”&gt;why&lt;/a&gt;');
    expect(why).toContain('[link](javascript:alert(1))');
    expect(why).not.toContain('<a');
  });

  it('leaves plain-text labels untouched for the UI to escape', () => {
    const ask = scenario?.nodes.ask;
    expect(ask?.kind === 'decision' && ask.choices[0]?.label).toBe('Decline <b>kindly</b> and clearly.');
  });
});

describe('the scenario loader warns without refusing', () => {
  it('warns when a poor ending passes and when a branch can never be taken', () => {
    const result = load('warnings');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '71:9 branch-never-taken',
      '84:14 pass-mark-vs-ending',
    ]);
    expect(result.warnings[1]?.message).toBe(
      '1 of 1 paths to poor ending "ending_poor" pass (pass: 1 of 2; these score 1)',
    );
  });

  it('warns when a scoring choice sends the learner round a loop, at 53:13', () => {
    const result = load('repeatable-score');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['53:13 repeatable-score']);
  });

  it('warns when the first line does not name the schema the editor checks against, at 1:1', () => {
    const withoutComment = readFileSync(fixtureFile('valid-minimal'), 'utf8').split('\n').slice(1).join('\n');
    const result = loadScenario(withoutComment, {
      file: 'no-comment.yaml',
      pages: { privacy: { id: 'privacy', title: 'Privacy', html: '' } },
      fileExists: () => true,
    });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['1:1 schema-comment']);
  });
});
