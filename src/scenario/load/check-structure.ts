import type { Issue } from './issue.ts';
import type { Draft, DraftNext } from './read-draft.ts';

/** Checks each node on its own: a way on, and a catch-all last branch. */
export function checkStructure(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  const isDeadEnd = (next: DraftNext): boolean =>
    next.state === 'absent' || (next.state === 'ok' && next.branches.length === 0);
  const fallthrough = (next: DraftNext): void => {
    const last = next.branches.at(-1);
    if (!last?.when) return;
    issues.push({
      path: last.when.path,
      part: 'key',
      code: 'branch-fallthrough',
      message: 'the last branch has a "when", so a learner for whom no "when" holds has nowhere to go',
      hint: 'remove "when" from the last branch so it catches everyone the branches above it do not',
    });
  };

  for (const node of draft.nodes) {
    if (node.kind === 'scene') {
      if (isDeadEnd(node.next)) {
        issues.push({
          path: node.next.state === 'absent' ? node.path : node.next.path,
          part: 'key',
          code: 'dead-end',
          message: `scene "${node.id}" has no way on`,
          hint: 'give it next: <node id>, or make it an ending (type: ending, with outcome and debrief)',
        });
      }
      fallthrough(node.next);
    }
    for (const choice of node.choices) {
      if (!choice.mapping) continue;
      if (isDeadEnd(choice.next)) {
        issues.push({
          path: choice.next.state === 'absent' ? (choice.id?.path ?? choice.path) : choice.next.path,
          part: choice.next.state === 'absent' ? 'value' : 'key',
          code: 'dead-end',
          message: `choice "${choice.id?.value ?? '?'}" in decision "${node.id}" has no way on`,
          hint: 'give the choice next: <node id>; every choice leads somewhere, if only to an ending',
        });
      }
      fallthrough(choice.next);
    }
  }
  return issues;
}
