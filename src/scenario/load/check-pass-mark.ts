import { eachBranch } from './each-branch.ts';
import type { Exploration } from './explore-paths.ts';
import type { Issue } from './issue.ts';
import type { Draft } from './read-draft.ts';

/**
 * What `passMark` means, and what can go wrong with it.
 *
 * The maximum score is the highest total on any path a learner can actually take from start to an ending,
 * every `when` respected (see `explorePaths`). A learner passes with a total of at least
 * `passMark × maximum`. So the best path always passes; what can fail is the maximum itself: if no path ends,
 * or none scores above 0, there is nothing for the pass mark to be a share of. Those are errors.
 *
 * A warning flags a pass that contradicts the story: a path to a `poor` ending that passes. (A path to a
 * `good` ending may fail: a learner can recover the story after a poor choice, and the class rule in
 * `check-pass-classes.ts` makes any path through a poor choice fail on purpose.) And a branch no learner can
 * take (its `when` never holds where it is tested) is almost always a mistake in the condition.
 */
export function checkPassMark(draft: Draft, exploration: Exploration, passMark: number | undefined): Issue[] {
  if (!exploration.complete) {
    return [
      {
        path: ['passMark'],
        code: 'analysis-incomplete',
        severity: 'warning',
        message: 'too many paths to walk them all; the pass mark and conditions were not checked',
        hint: 'fewer decisions in a row, or branches that rejoin sooner, keep the scenario checkable',
      },
    ];
  }
  const issues: Issue[] = [];
  for (const { node, choice, branch } of eachBranch(draft)) {
    if (!exploration.visited.has(node.id) || exploration.taken.has(branch)) continue;
    issues.push({
      path: branch.when?.path ?? branch.path,
      part: branch.when ? 'key' : 'value',
      code: 'branch-never-taken',
      severity: 'warning',
      message: `no learner can take this branch of ${choice ? `choice "${choice.id?.value ?? '?'}" in ` : ''}"${node.id}": its "when" never holds here, or a branch above always does`,
      hint: 'check the condition against what a learner can have done by this point',
    });
  }
  if (passMark === undefined) return issues;
  const { paths } = exploration;
  if (paths.length === 0) {
    issues.push({
      path: ['passMark'],
      code: 'pass-mark-unreachable',
      message: 'no path a learner can take reaches an ending, so no one can pass',
      hint: 'check the conditions on the branches: some path must lead to an ending',
    });
    return issues;
  }
  const maximum = Math.max(...paths.map((path) => path.total));
  if (maximum <= 0) {
    issues.push({
      path: ['passMark'],
      code: 'pass-mark-unreachable',
      message: `the best path scores ${maximum}, so a pass mark of ${passMark} is a share of nothing`,
      hint: 'give the better choices positive scores against the principles',
    });
    return issues;
  }
  const threshold = passThreshold(passMark, maximum);
  for (const node of draft.nodes) {
    if (node.kind !== 'ending' || node.outcome !== 'poor') continue;
    const here = paths.filter((path) => path.ending === node.id);
    const wrong = here.filter((path) => path.total >= threshold);
    if (wrong.length === 0) continue;
    issues.push({
      path: [...node.path, 'outcome'],
      code: 'pass-mark-vs-ending',
      severity: 'warning',
      message: `${wrong.length} of ${here.length} paths to poor ending "${node.id}" pass (pass: ${formatScore(passMark * maximum)} of ${maximum}; these score ${range(wrong.map((p) => p.total))})`,
      hint: 'raise passMark, or score the choices that lead here lower',
    });
  }
  return issues;
}

/**
 * The lowest total that passes, less a hair: 0.7 × 10 is 7.000000000000001 in binary floating point, and a
 * learner scoring 7 has reached it.
 */
export function passThreshold(passMark: number, maximum: number): number {
  return passMark * maximum - 1e-9;
}

export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function range(totals: readonly number[]): string {
  const low = Math.min(...totals);
  const high = Math.max(...totals);
  return low === high ? String(low) : `${low}–${high}`;
}
