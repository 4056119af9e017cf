import { formatScore, passThreshold } from './check-pass-mark.ts';
import type { CompletedPath, Exploration, PathChoice } from './explore-paths.ts';
import type { Issue } from './issue.ts';
import type { DraftChoice } from './read-draft.ts';

/** Sound paths that fail are listed one by one up to this many; the rest are counted in one more problem. */
const LISTED = 5;

/**
 * The pass mark must agree with the classes authors give choices (model.ts `ChoiceClass`), on every path a
 * learner can take (`explorePaths`, every `when` respected):
 * - a path made only of recommended and acceptable choices passes: an acceptable choice costs points, never
 *   the pass. Each that fails is an error at `passMark`, naming the path, its score and the score needed.
 * - a path through a poor choice fails. Each poor choice on a path that passes is an error at its `class`,
 *   naming the best-scoring such path.
 * A path with a choice whose class is missing or misspelt is skipped (the schema reports the class).
 * Nothing is checked when the walk was incomplete or no path scores above 0 (`checkPassMark` says so).
 */
export function checkPassClasses(exploration: Exploration, passMark: number): Issue[] {
  const { paths } = exploration;
  if (!exploration.complete || paths.length === 0) return [];
  const maximum = Math.max(...paths.map((path) => path.total));
  if (maximum <= 0) return [];
  const threshold = passThreshold(passMark, maximum);
  const needed = `the ${formatScore(passMark * maximum)} needed (passMark ${passMark} of the best path's ${maximum})`;

  const soundFails: CompletedPath[] = [];
  const poorPasses = new Map<DraftChoice, { at: PathChoice; paths: CompletedPath[] }>();
  for (const path of paths) {
    const classes = path.choices.map(({ choice }) => choice.class?.value);
    if (!classes.includes('poor')) {
      if (!classes.includes(undefined) && path.total < threshold) soundFails.push(path);
      continue;
    }
    if (path.total < threshold) continue;
    for (const at of path.choices) {
      if (at.choice.class?.value !== 'poor') continue;
      const entry = poorPasses.get(at.choice) ?? { at, paths: [] };
      entry.paths.push(path);
      poorPasses.set(at.choice, entry);
    }
  }

  const issues: Issue[] = [];
  const worstFirst = [...soundFails].sort((a, b) => a.total - b.total);
  for (const path of worstFirst.slice(0, LISTED)) {
    issues.push({
      path: ['passMark'],
      code: 'sound-path-fails',
      message: `a path of recommended and acceptable choices fails: ${describe(path)} scores ${path.total}, below ${needed}`,
      hint: 'an acceptable choice costs points, never the pass: lower passMark, score the acceptable choices on this path higher, or class the one that should cost the pass as poor',
    });
  }
  if (worstFirst.length > LISTED) {
    issues.push({
      path: ['passMark'],
      code: 'sound-path-fails',
      message: `${worstFirst.length - LISTED} more paths of recommended and acceptable choices fail too`,
      hint: 'fix the paths above first; npm run scenario:check lists every path with its score',
    });
  }
  for (const { at, paths: passing } of poorPasses.values()) {
    const best = passing.reduce((high, path) => (path.total > high.total ? path : high));
    const others = passing.length - 1;
    issues.push({
      path: at.choice.class?.path ?? at.choice.path,
      code: 'poor-path-passes',
      message: `poor choice "${at.choice.id?.value ?? '?'}" in decision "${at.decision.id}" is on a path that passes: ${describe(best)} scores ${best.total}, reaching ${needed}${others > 0 ? ` (and ${others} more passing path${others === 1 ? '' : 's'})` : ''}`,
      hint: 'a path through a poor choice must fail: score it (or the choices after it) lower, raise passMark, or class it acceptable if the guidance allows it',
    });
  }
  return issues;
}

/** `ask.decline > message.reply → ending_good`: the choices as `when` names them, then the ending. */
function describe(path: CompletedPath): string {
  const choices = path.choices.map(({ decision, choice }) => `${decision.id}.${choice.id?.value ?? '?'}`);
  return `${choices.length > 0 ? choices.join(' > ') : 'no decision'} → ${path.ending}`;
}
