import { resolveChoiceRef } from './choice-ref.ts';
import { eachBranch, successors } from './each-branch.ts';
import type { Issue } from './issue.ts';
import type { Draft, DraftNode } from './read-draft.ts';
import { stronglyConnected } from './strongly-connected.ts';

/**
 * Checks over the whole graph, with every `when` ignored (any branch may be taken): reachability, loops
 * that never reach an ending, and `when`s about choices that cannot have been made yet.
 * Run only on a draft whose every link resolves, or a typo in one `goto` would cascade into many errors.
 */
export function checkGraph(draft: Draft, start: string): Issue[] {
  const issues: Issue[] = [];
  const edges = (id: string): readonly string[] => {
    const node = draft.byId.get(id);
    return node ? successors(node) : [];
  };
  const reached = reachableFrom([start], edges);
  for (const node of draft.nodes) {
    if (reached.has(node.id)) continue;
    issues.push({
      path: node.path,
      part: 'key',
      code: 'unreachable-node',
      message: `node "${node.id}" cannot be reached from start "${start}"`,
      hint: 'point a next or goto at it, or delete it',
    });
  }

  const order = new Map(draft.nodes.map((node, i) => [node.id, i]));
  for (const component of stronglyConnected([...order.keys()], edges)) {
    const members = new Set(component);
    const isLoop = component.length > 1 || edges(component[0] ?? '').includes(component[0] ?? '');
    if (!isLoop) continue;
    const first = firstInFile(component, draft, order);
    const leaves = component.some((id) => edges(id).some((target) => !members.has(target)));
    const hasEnding = component.some((id) => draft.byId.get(id)?.kind === 'ending');
    if (!leaves && !hasEnding && first) {
      const names = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      issues.push({
        path: first.path,
        part: 'key',
        code: 'loop-without-exit',
        message:
          component.length === 1
            ? `node "${first.id}" leads only back to itself, so a learner there never reaches an ending`
            : `nodes ${names.map((id) => `"${id}"`).join(', ')} lead only to each other, so a learner there never reaches an ending`,
        hint: 'give one of them a branch or choice that leads out of the loop towards an ending',
      });
    }
    issues.push(...repeatableScores(component, members, draft));
  }

  const after = new Map<string, ReadonlySet<string>>();
  for (const { node, branch } of eachBranch(draft)) {
    for (const ref of [...(branch.when?.chose ?? []), ...(branch.when?.notChose ?? [])]) {
      const resolved = resolveChoiceRef(ref.value, draft);
      if (!resolved) continue;
      const decisionId = resolved.decision.id;
      let later = after.get(decisionId);
      if (!later) {
        later = reachableFrom(edges(decisionId), edges);
        after.set(decisionId, later);
      }
      if (later.has(node.id)) continue;
      issues.push({
        path: ref.path,
        code: 'choice-not-before',
        message: `"${ref.value}" cannot have been chosen yet at "${node.id}": decision "${decisionId}" never comes before it`,
        hint: 'test a choice from a decision on the way to this node',
      });
    }
  }
  return issues;
}

function reachableFrom(roots: readonly string[], edges: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...edges(id));
  }
  return seen;
}

function firstInFile(
  ids: readonly string[],
  draft: Draft,
  order: ReadonlyMap<string, number>,
): DraftNode | undefined {
  const id = [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
  return id === undefined ? undefined : draft.byId.get(id);
}

/** A scoring choice that leads back into its own loop could be chosen again and again for more points. */
function repeatableScores(component: readonly string[], members: ReadonlySet<string>, draft: Draft): Issue[] {
  const issues: Issue[] = [];
  for (const id of component) {
    const node = draft.byId.get(id);
    for (const choice of node?.choices ?? []) {
      const loopsBack = choice.next.branches.some((branch) => branch.goto && members.has(branch.goto.value));
      if (!node || choice.total <= 0 || !loopsBack) continue;
      issues.push({
        path: choice.id?.path ?? choice.path,
        code: 'repeatable-score',
        severity: 'warning',
        message: `choice "${choice.id?.value ?? '?'}" scores ${choice.total} and leads back into a loop through decision "${node.id}", so it could be scored more than once`,
        hint: 'score 0 (or less) for a choice that sends the learner round again',
      });
    }
  }
  return issues;
}
