import { didYouMean } from './did-you-mean.ts';
import type { Issue } from './issue.ts';
import type { Draft } from './read-draft.ts';

/**
 * Stages are declared once, in `stages:`, and named by nodes. A node naming no declared stage would have no
 * place on the progress bar; a declared stage no node uses would be counted ("Stage 2 of 5") yet never
 * shown, so both are errors.
 */
export function checkStages(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  const declared = draft.stages.map((s) => s.value);
  const used = new Set<string>();
  for (const node of draft.nodes) {
    if (node.stage === undefined) continue;
    used.add(node.stage.value);
    if (declared.includes(node.stage.value)) continue;
    issues.push({
      path: node.stage.path,
      code: 'unknown-stage',
      message: `stage names no stage "${node.stage.value}"`,
      hint: didYouMean(
        node.stage.value,
        declared,
        `name one of the stages listed under stages: (${declared.join(', ')}), or add it there`,
      ),
    });
  }
  for (const stage of draft.stages) {
    if (used.has(stage.value)) continue;
    issues.push({
      path: stage.path,
      code: 'unused-stage',
      message: `no node is in stage "${stage.value}"`,
      hint: `give the nodes of this stage \`stage: ${stage.value}\`, or remove it from stages:`,
    });
  }
  return issues;
}
