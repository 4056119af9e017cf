import { decisionNamedBy, resolveChoiceRef } from './choice-ref.ts';
import { didYouMean } from './did-you-mean.ts';
import { eachBranch } from './each-branch.ts';
import type { Issue } from './issue.ts';
import type { Draft } from './read-draft.ts';

/** Every name that should point at something defined elsewhere: nodes, principles, references, choices. */
export function checkLinks(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  const nodeIds = [...draft.byId.keys()];
  if (draft.start && !draft.byId.has(draft.start.value)) {
    issues.push({
      path: draft.start.path,
      code: 'unknown-target',
      message: `start names no node "${draft.start.value}"`,
      hint: didYouMean(draft.start.value, nodeIds, 'name the first node: one of the keys under nodes:'),
    });
  }
  for (const { branch } of eachBranch(draft)) {
    if (branch.goto && !draft.byId.has(branch.goto.value)) {
      const keyword = branch.goto.path.at(-1) === 'goto' ? 'goto' : 'next';
      issues.push({
        path: branch.goto.path,
        code: 'unknown-target',
        message: `${keyword} names no node "${branch.goto.value}"`,
        hint: didYouMean(branch.goto.value, nodeIds, 'name a node: one of the keys under nodes:'),
      });
    }
    for (const ref of [...(branch.when?.chose ?? []), ...(branch.when?.notChose ?? [])]) {
      if (resolveChoiceRef(ref.value, draft)) continue;
      const decision = decisionNamedBy(ref.value, draft);
      const choiceIds = decision?.choices.flatMap((choice) =>
        choice.id ? [`${decision.id}.${choice.id.value}`] : [],
      );
      issues.push({
        path: ref.path,
        code: 'unknown-choice',
        message: decision
          ? `decision "${decision.id}" has no choice "${ref.value.slice(decision.id.length + 1)}"`
          : `"${ref.value}" names no decision and choice`,
        hint: decision
          ? didYouMean(ref.value, choiceIds ?? [], `its choices: ${(choiceIds ?? []).join(', ')}`)
          : 'write decisionId.choiceId, where decisionId is a decision node and choiceId one of its choices',
      });
    }
  }
  const principles = new Set(draft.principles.map((p) => p.value));
  const references = new Set(draft.references.map((r) => r.value));
  for (const node of draft.nodes) {
    for (const choice of node.choices) {
      for (const key of choice.scoreKeys) {
        if (principles.has(key.value)) continue;
        issues.push({
          path: key.path,
          part: 'key',
          code: 'unknown-principle',
          message: `score names no principle "${key.value}"`,
          hint: didYouMean(
            key.value,
            principles,
            `score against a principle listed under principles: ${[...principles].join(', ')}`,
          ),
        });
      }
      for (const ref of choice.citations) {
        if (references.has(ref.value)) continue;
        issues.push({
          path: ref.path,
          code: 'unknown-reference',
          message: `guidance cites no reference "${ref.value}"`,
          hint: didYouMean(
            ref.value,
            references,
            'cite a reference listed under references:, or add it there',
          ),
        });
      }
    }
  }
  return issues;
}
