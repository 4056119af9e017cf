import type { Draft, DraftBranch, DraftChoice, DraftNode } from './read-draft.ts';

export interface BranchSite {
  readonly node: DraftNode;
  /** Set for the branches of a decision's choice. */
  readonly choice?: DraftChoice;
  readonly branch: DraftBranch;
  readonly index: number;
  readonly count: number;
}

/** Every branch in the scenario: a scene's `next` and each choice's `next`. */
export function eachBranch(draft: Draft): BranchSite[] {
  const sites: BranchSite[] = [];
  for (const node of draft.nodes) {
    node.next.branches.forEach((branch, index, all) => {
      sites.push({ node, branch, index, count: all.length });
    });
    for (const choice of node.choices) {
      choice.next.branches.forEach((branch, index, all) => {
        sites.push({ node, choice, branch, index, count: all.length });
      });
    }
  }
  return sites;
}

/** The node ids a node leads to, conditions ignored. */
export function successors(node: DraftNode): string[] {
  const branches = [...node.next.branches, ...node.choices.flatMap((choice) => choice.next.branches)];
  return branches.flatMap((branch) => (branch.goto ? [branch.goto.value] : []));
}
