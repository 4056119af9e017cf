import { describe, expect, it } from 'vitest';
import { checkClasses } from './check-classes.ts';
import { readDraft } from './read-draft.ts';

function decision(choices: readonly { id: string; class?: string; score?: Record<string, number> }[]) {
  return readDraft({ start: 'ask', nodes: { ask: { type: 'decision', choices } } });
}

const summary = (draft: ReturnType<typeof readDraft>) =>
  checkClasses(draft).map((issue) => `${issue.code} ${issue.path.join('/')}: ${issue.message}`);

describe('checkClasses', () => {
  it('accepts one recommended choice above the acceptable ones, above the poor ones', () => {
    const draft = decision([
      { id: 'best', class: 'recommended', score: { p: 3 } },
      { id: 'near', class: 'acceptable', score: { p: 2 } },
      { id: 'also', class: 'acceptable', score: { p: 1, q: 1 } },
      { id: 'bad', class: 'poor', score: { p: 0 } },
    ]);
    expect(summary(draft)).toEqual([]);
  });

  it('refuses an acceptable choice scoring more than the recommended one, at its score', () => {
    const draft = decision([
      { id: 'best', class: 'recommended', score: { p: 2 } },
      { id: 'near', class: 'acceptable', score: { p: 3 } },
    ]);
    expect(summary(draft)).toEqual([
      'points-vs-class nodes/ask/choices/1/score: acceptable choice "near" in decision "ask" scores 3, more than recommended "best" (2): the points must agree with the class',
    ]);
  });

  it('compares a poor choice with the lowest choice above it', () => {
    const draft = decision([
      { id: 'best', class: 'recommended', score: { p: 5 } },
      { id: 'near', class: 'acceptable', score: { p: 1 } },
      { id: 'bad', class: 'poor', score: { p: 1 } },
    ]);
    expect(summary(draft)).toEqual([
      'points-vs-class nodes/ask/choices/2/score: poor choice "bad" in decision "ask" scores 1, as much as acceptable "near" (1): the points must agree with the class',
    ]);
  });

  it('refuses no recommended choice, and more than one', () => {
    expect(
      summary(
        decision([
          { id: 'a', class: 'acceptable', score: { p: 1 } },
          { id: 'b', class: 'poor', score: { p: 0 } },
        ]),
      ),
    ).toEqual(['recommended-count nodes/ask/choices: decision "ask" has no recommended choice']);
    expect(
      summary(
        decision([
          { id: 'a', class: 'recommended', score: { p: 1 } },
          { id: 'b', class: 'recommended', score: { p: 1 } },
          { id: 'c', class: 'recommended', score: { p: 1 } },
        ]),
      ),
    ).toEqual([
      'recommended-count nodes/ask/choices/1/class: decision "ask" has 3 recommended choices ("a", "b", "c"); it needs exactly one',
    ]);
  });

  it('leaves a missing or misspelt class, and a missing score, to the schema', () => {
    const draft = decision([
      { id: 'a', class: 'recomended', score: { p: 1 } },
      { id: 'b', class: 'poor' },
      { id: 'c', class: 'acceptable', score: { p: 0 } },
    ]);
    expect(summary(draft)).toEqual([]);
  });
});
