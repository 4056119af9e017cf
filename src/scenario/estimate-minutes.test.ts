import { describe, expect, it } from 'vitest';
import { countWords, estimateMinutes } from './estimate-minutes.ts';
import { buildScenario, choice, decision, ending, scene } from './fixtures/build-scenario.ts';
import type { Choice, ContentPage, Scenario } from './model.ts';

/** `n` words of compiled HTML. */
function words(n: number): string {
  return `<p>${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}</p>\n`;
}

function plain(n: number): string {
  return Array.from({ length: n }, () => 'word').join(' ');
}

function said(c: Choice, label: number, consequence: number, why: number): Choice {
  return {
    ...c,
    label: plain(label),
    feedback: { ...c.feedback, consequence: words(consequence), why: words(why) },
  };
}

/**
 * On the recommended path (intro → one → middle → two → good), in words:
 *   intro 195; one: body 100, prompt 5, labels 10 + 15, feedback 20 + 30; middle 70;
 *   two: body 50, prompt 5, labels 10 + 10 + 10, feedback 10 + 20; good: body 30, debrief 10.
 *   = 600 words, 3 minutes at 200 a minute; 2 decisions, 2 minutes.
 * Off it, 1,000 words each: the poor choices' feedback, the poor ending, a scene no path reaches.
 */
function fixture(reflectionWords: number | undefined): Scenario {
  const base = buildScenario({ id: 'timed', start: 'intro', passMark: 0.5, principles: ['p'] }, [
    { ...scene('intro', 'one'), body: words(195) },
    {
      ...decision(
        'one',
        [
          // The recommended choice's own points count when its branches are tested: 3 reaches `middle`.
          said(
            choice('yes', { p: 3 }, [
              { when: { chose: ['one.no'] }, goto: 'poor' },
              { when: { scoreAtLeast: 3 }, goto: 'middle' },
              { goto: 'poor' },
            ]),
            10,
            20,
            30,
          ),
          said(choice('no', { p: 0 }, 'poor', 'poor'), 15, 1000, 1000),
        ],
        'yes',
      ),
      body: words(100),
      prompt: plain(5),
    },
    { ...scene('middle', 'two'), body: words(70) },
    {
      ...decision(
        'two',
        [
          said(choice('a', { p: 0 }, 'poor', 'poor'), 10, 1000, 1000),
          said(choice('b', { p: 2 }, 'good'), 10, 10, 20),
          said(choice('c', { p: 1 }, 'good'), 10, 1000, 1000),
        ],
        'b',
      ),
      body: words(50),
      prompt: plain(5),
    },
    { ...ending('good', 'good'), body: words(30), debrief: words(10) },
    { ...ending('poor', 'poor'), body: words(1000), debrief: words(1000) },
    { ...scene('aside', 'good'), body: words(1000) },
  ]);
  const pages: Record<string, ContentPage> =
    reflectionWords === undefined
      ? {}
      : { reflection: { id: 'reflection', title: 'Reflection', html: words(reflectionWords - 1) } };
  return { ...base, pages };
}

describe('estimateMinutes', () => {
  it('adds reading, a minute per decision and the reflection, then rounds up to 5 minutes', () => {
    // 600 words (3 min) + 2 decisions (2 min) + reflection 200 words (1 min) + 10 min writing = 16 → 20.
    expect(estimateMinutes(fixture(200))).toEqual({
      readingWords: 600,
      readingMinutes: 3,
      decisions: 2,
      decisionMinutes: 2,
      reflectionWords: 200,
      reflectionMinutes: 11,
      exactMinutes: 16,
      minutes: 20,
    });
  });

  it('keeps a sum that is already a multiple of 5', () => {
    // 3 + 2 + (1,000 / 200 + 10) = 20 exactly.
    expect(estimateMinutes(fixture(1000))).toMatchObject({ exactMinutes: 20, minutes: 20 });
  });

  it('counts 10 minutes of writing when there is no reflection page', () => {
    // 3 + 2 + 10 = 15.
    expect(estimateMinutes(fixture(undefined))).toMatchObject({
      reflectionWords: 0,
      reflectionMinutes: 10,
      minutes: 15,
    });
  });

  it('rounds up a sum just over a multiple of 5', () => {
    // One more word on the path: 601 / 200 + 2 + 15 = 20.005 → 25.
    const scenario = fixture(1000);
    const longer = {
      ...scenario,
      nodes: { ...scenario.nodes, good: { ...ending('good', 'good'), body: words(31), debrief: words(10) } },
    };
    expect(estimateMinutes(longer)).toMatchObject({ readingWords: 601, minutes: 25 });
  });
});

describe('countWords', () => {
  it('counts words in HTML, not tags, entities or lone punctuation', () => {
    expect(countWords('<p>He said &quot;no&quot; &amp; left – <em>quickly</em>.</p>\n')).toBe(5);
  });

  it('counts a word joined by an apostrophe or hyphen once', () => {
    expect(countWords('It’s a follow-up: don&#39;t worry')).toBe(5);
  });

  it('counts nothing in empty or blank text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' <br> \n ')).toBe(0);
  });
});
