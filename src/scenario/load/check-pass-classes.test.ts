import { describe, expect, it } from 'vitest';
import { checkPassClasses } from './check-pass-classes.ts';
import { explorePaths } from './explore-paths.ts';
import { readDraft } from './read-draft.ts';

type Class = 'recommended' | 'acceptable' | 'poor';

/** A choice as the YAML has it: only what the walk and the check read. */
function choice(id: string, cls: Class | undefined, points: number, next: string) {
  return { id, ...(cls ? { class: cls } : {}), score: { p: points }, next };
}

/** Two decisions in a row, each choice of `first` leading to `second`, each of `second` to the ending. */
function twoDecisions(
  first: readonly [string, Class | undefined, number][],
  second: readonly [string, Class | undefined, number][],
) {
  const draft = readDraft({
    start: 'one',
    nodes: {
      one: { type: 'decision', choices: first.map(([id, cls, points]) => choice(id, cls, points, 'two')) },
      two: { type: 'decision', choices: second.map(([id, cls, points]) => choice(id, cls, points, 'end')) },
      end: { type: 'ending' },
    },
  });
  return explorePaths(draft, 'one');
}

const codes = (issues: ReturnType<typeof checkPassClasses>) =>
  issues.map((issue) => `${issue.code} ${issue.path.join('/')}`);

describe('checkPassClasses', () => {
  const agreeing = twoDecisions(
    [
      ['best', 'recommended', 4],
      ['near', 'acceptable', 3],
      ['bad', 'poor', 0],
    ],
    [
      ['best', 'recommended', 4],
      ['near', 'acceptable', 2],
      ['bad', 'poor', -2],
    ],
  );

  it('accepts a pass mark every sound path reaches and no path through a poor choice does', () => {
    // Best 8; pass 0.6 × 8 = 4.8: the worst sound path (near, near) scores 5; the best poor one (best, bad) 2.
    expect(checkPassClasses(agreeing, 0.6)).toEqual([]);
  });

  it('refuses a pass mark a sound path fails, at passMark, naming the path and the scores', () => {
    const issues = checkPassClasses(agreeing, 0.7);
    expect(codes(issues)).toEqual(['sound-path-fails passMark']);
    expect(issues[0]?.message).toBe(
      "a path of recommended and acceptable choices fails: one.near > two.near → end scores 5, below the 5.60 needed (passMark 0.7 of the best path's 8)",
    );
  });

  it('refuses a pass mark a path through a poor choice reaches, at that choice class', () => {
    const issues = checkPassClasses(agreeing, 0.5);
    expect(codes(issues)).toEqual(['poor-path-passes nodes/one/choices/2/class']);
    expect(issues[0]?.message).toBe(
      'poor choice "bad" in decision "one" is on a path that passes: one.bad > two.best → end scores 4, reaching the 4 needed (passMark 0.5 of the best path\'s 8)',
    );
  });

  it('names the best passing path and counts the others, once per poor choice', () => {
    const issues = checkPassClasses(agreeing, 0.2).sort((a, b) => a.path.join().localeCompare(b.path.join()));
    expect(codes(issues)).toEqual([
      'poor-path-passes nodes/one/choices/2/class',
      'poor-path-passes nodes/two/choices/2/class',
    ]);
    expect(issues[0]?.message).toMatch(
      /one\.bad > two\.best → end scores 4, .* \(and 1 more passing path\)$/,
    );
    // one.near > two.bad scores 1, below the 1.6 needed: only one path through two.bad passes.
    expect(issues[1]?.message).toMatch(/one\.best > two\.bad → end scores 2, .* best path's 8\)$/);
  });

  it('lists the five worst failing sound paths and counts the rest', () => {
    const many = twoDecisions(
      [
        ['a', 'recommended', 9],
        ['b', 'acceptable', 1],
        ['c', 'acceptable', 0],
      ],
      [
        ['a', 'recommended', 9],
        ['b', 'acceptable', 1],
        ['c', 'acceptable', 0],
      ],
    );
    const issues = checkPassClasses(many, 0.9);
    expect(issues.map((issue) => issue.message.match(/scores (\d+)/)?.[1] ?? issue.message)).toEqual([
      '0',
      '1',
      '1',
      '2',
      '9',
      '3 more paths of recommended and acceptable choices fail too',
    ]);
  });

  it('skips a path with a choice whose class is missing, and checks nothing when no path scores', () => {
    const unclassed = twoDecisions(
      [
        ['a', 'recommended', 2],
        ['b', undefined, 0],
      ],
      [
        ['a', 'recommended', 2],
        ['b', 'acceptable', 1],
      ],
    );
    // Best 4, pass 3.2: a > b fails; b > a and b > b (2 and 1) would fail too, but b has no class.
    expect(codes(checkPassClasses(unclassed, 0.8))).toEqual(['sound-path-fails passMark']);
    expect(checkPassClasses(unclassed, 0.8)[0]?.message).toContain('one.a > two.b → end scores 3');
    const nothing = twoDecisions(
      [
        ['a', 'recommended', 0],
        ['b', 'poor', -1],
      ],
      [
        ['a', 'recommended', 0],
        ['b', 'poor', -1],
      ],
    );
    expect(checkPassClasses(nothing, 0.5)).toEqual([]);
  });
});
