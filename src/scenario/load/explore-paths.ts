import type { Draft, DraftBranch, DraftChoice, DraftCondition, DraftNode } from './read-draft.ts';

/** One answer on a path: the decision and the choice made there. */
export interface PathChoice {
  readonly decision: DraftNode;
  readonly choice: DraftChoice;
}

export interface CompletedPath {
  readonly ending: string;
  readonly total: number;
  /** The choices made on the way, in order. */
  readonly choices: readonly PathChoice[];
}

export interface Exploration {
  /** False when the budget ran out before every path was walked. */
  readonly complete: boolean;
  readonly paths: readonly CompletedPath[];
  /** Nodes some path visits. */
  readonly visited: ReadonlySet<string>;
  /** Branches some path takes. */
  readonly taken: ReadonlySet<DraftBranch>;
}

interface State {
  readonly chosen: ReadonlySet<string>;
  readonly total: number;
  readonly onPath: ReadonlySet<string>;
  readonly choices: readonly PathChoice[];
}

/**
 * Walks every path a learner can take from `start`, every `when` respected: at a scene the first branch whose
 * condition holds, at a decision each choice and then that choice's first branch that holds. The choice just
 * made already counts (its `decision.choice` is chosen and its points are in the total) when its own
 * branches are tested, as a learner would read "after this answer".
 * A path that comes back to a node it has visited is not followed further: the scoring (`passMark`) is
 * defined over paths that end, and a loop adds nothing a learner needs to pass.
 */
export function explorePaths(draft: Draft, start: string, budget = 200_000): Exploration {
  const paths: CompletedPath[] = [];
  const visited = new Set<string>();
  const taken = new Set<DraftBranch>();
  let steps = 0;

  const holds = (when: DraftCondition | undefined, state: State): boolean =>
    when === undefined ||
    (when.chose.every((ref) => state.chosen.has(ref.value)) &&
      !when.notChose.some((ref) => state.chosen.has(ref.value)) &&
      (when.scoreAtLeast === undefined || state.total >= when.scoreAtLeast) &&
      (when.scoreBelow === undefined || state.total < when.scoreBelow));

  const follow = (branches: readonly DraftBranch[], state: State): void => {
    const branch = branches.find((candidate) => holds(candidate.when, state));
    if (!branch?.goto) return;
    taken.add(branch);
    walk(branch.goto.value, state);
  };

  const walk = (id: string, state: State): void => {
    steps += 1;
    const node = draft.byId.get(id);
    if (steps > budget || !node || state.onPath.has(id)) return;
    visited.add(id);
    const here: State = { ...state, onPath: new Set(state.onPath).add(id) };
    if (node.kind === 'ending') paths.push({ ending: id, total: state.total, choices: state.choices });
    else if (node.kind === 'scene') follow(node.next.branches, here);
    else if (node.kind === 'decision') {
      for (const choice of node.choices) {
        if (!choice.id) continue;
        follow(choice.next.branches, {
          ...here,
          chosen: new Set(here.chosen).add(`${id}.${choice.id.value}`),
          total: here.total + choice.total,
          choices: [...here.choices, { decision: node, choice }],
        });
      }
    }
  };

  walk(start, { chosen: new Set(), total: 0, onPath: new Set(), choices: [] });
  return { complete: steps <= budget, paths, visited, taken };
}
