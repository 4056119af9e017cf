// The pseudo-locale (plugins/pseudo-locale.ts): every letter accented, about 40 % longer, bracketed, with
// {values}, tags and entities kept, so nothing that reaches the screen unconverted can pass for converted.
import { describe, expect, it } from 'vitest';
import { pseudoHtml, pseudoLocale, pseudoScenario, pseudoText } from '../plugins/pseudo-locale';
import { messageFormatter } from '../src/ui/format-message';
import { projectScenario } from './project-scenario';

describe('the pseudo-locale', () => {
  it('accents every letter, brackets the text and keeps {values}', () => {
    expect(pseudoText('Start')).toBe('[Ŝţàŕţ !]');
    const stage = pseudoText('Stage {stage} of {of}');
    expect(stage).toMatch(/^\[Ŝţàĝé \{stage\} óƒ \{of\} !+\]$/);
    expect(pseudoText('The quick brown fox jumps over the lazy dog').replace(/\{\w+\}/g, '')).not.toMatch(
      /[A-Za-z]/,
    );
  });

  it('makes a sentence at least 40 % longer, in words short enough to wrap', () => {
    const sentence = 'Your answers, score and reflection kept in this browser will be cleared.';
    const pseudo = pseudoText(sentence);
    expect(pseudo.length).toBeGreaterThanOrEqual(sentence.length * 1.4);
    expect(Math.max(...pseudo.split(' ').map((word) => word.length))).toBeLessThanOrEqual(12);
  });

  it('keeps the whitespace around a text outside the brackets, and leaves blank text alone', () => {
    expect(pseudoText(' Error: ')).toBe(' [Éŕŕóŕ: !] ');
    expect(pseudoText('\n  ')).toBe('\n  ');
  });

  it('converts each run of text in HTML, not its tags or entities', () => {
    expect(pseudoHtml('<p>Tom &amp; <em>Jerry</em></p>\n<p>x</p>')).toBe(
      '<p>[Ţóɱ &amp; !] <em>[Ĵéŕŕý !]</em></p>\n<p>[ẋ !]</p>',
    );
  });

  it('keeps a plural’s forms and the value it turns on', () => {
    const t = messageFormatter(
      pseudoLocale({
        lang: 'en-GB',
        intl: 'en-GB',
        messages: { n: ['n', { one: '{n} point', other: '{n} points' }] },
      }),
    );
    expect(t('n', { n: 1 })).toBe('[1 þóîñţ !]');
    expect(t('n', { n: 2 })).toBe('[2 þóîñţš !]');
  });

  it('converts what a learner reads of the scenario and leaves ids, targets and classes as they are', () => {
    const scenario = projectScenario();
    const pseudo = pseudoScenario(scenario);
    const [id, node] = Object.entries(pseudo.nodes)[0] ?? [];
    expect(id).toBe(Object.keys(scenario.nodes)[0]);
    expect(node?.id).toBe(id);
    expect(node?.title).toMatch(/^\[.*\]$/);
    expect(pseudo.start).toBe(scenario.start);
    expect(JSON.stringify(pseudo.outcomes)).not.toMatch(/"text":"[^[]/);
    const structure = (s: typeof scenario) =>
      Object.values(s.nodes).flatMap((n) =>
        n.kind === 'decision'
          ? n.choices.map((c) => [n.id, c.id, c.class, c.next, c.score])
          : [[n.id, n.kind]],
      );
    expect(structure(pseudo)).toEqual(structure(scenario));
  });
});
