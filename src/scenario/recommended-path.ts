/**
 * The recommended path: from the start, the recommended choice at every decision, each branch condition
 * evaluated as the machine evaluates it (conditions.ts). A plain walk of the model, so the learner's bundle
 * gets the path for the debrief without the path analysis (xstate/graph) behind `npm run scenario:check`.
 */
import { type ConditionFacts, factsAfterChoice, nextNodeId } from './conditions.ts';
import type { Scenario } from './model.ts';
import { pathLengthLimit, recommendedChoice } from './scoring.ts';

/**
 * Node ids from the start to the ending the recommended choices lead to. A walk that cannot go on (an
 * unknown node, no branch that holds, a loop past the length limit) stops where it is: the loader refuses
 * such scenarios, so this only matters for hand-made ones.
 */
export function recommendedPath(scenario: Scenario): readonly string[] {
  const nodes: string[] = [];
  const limit = pathLengthLimit(scenario);
  let facts: ConditionFacts = { chosen: new Set(), total: 0 };
  let nodeId: string | undefined = scenario.start;
  while (nodeId !== undefined && nodes.length < limit) {
    const node = scenario.nodes[nodeId];
    if (node === undefined) break;
    nodes.push(node.id);
    if (node.kind === 'ending') break;
    if (node.kind === 'scene') {
      nodeId = nextNodeId(node.next, facts);
      continue;
    }
    const choice = recommendedChoice(node);
    if (choice === undefined) break;
    facts = factsAfterChoice(facts, node.id, choice);
    nodeId = nextNodeId(choice.next, facts);
  }
  return nodes;
}
