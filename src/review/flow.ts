/**
 * The order a clinical reviewer reads the scenario in: stage by stage as the story moves, and within a
 * stage the screens of the recommended path first (the story as the guidance would have it), then the other
 * screens in breadth-first order from the start (nearer the start first, choices in authored order). The
 * endings come last, in the same order. Also where each screen is reached from, for the pack's back-links.
 */
import type { Branch, Choice, DecisionNode, EndingNode, Scenario, ScenarioNode } from '../scenario/model.ts';

/** A node's stage: the id of one of the scenario's declared stages, or none. */
export type StageId = ScenarioNode['stage'];

export interface StageGroup {
  readonly stage: StageId;
  readonly nodes: readonly ScenarioNode[];
}

export interface ReviewOrder {
  /** Stages in the order the scenario declares them; screens with no stage last. */
  readonly stages: readonly StageGroup[];
  readonly endings: readonly EndingNode[];
  /** Every node once: the stages' screens, then the endings. */
  readonly all: readonly ScenarioNode[];
}

/** One way into a screen: from a scene, or from a decision's choice, under the branch's condition. */
export interface Arrival {
  readonly from: ScenarioNode;
  readonly choice?: Choice;
  readonly branch: Branch;
}

/** The branches leaving a node: a scene's `next`, or every choice's `next` in authored order. */
export function branchesOf(node: ScenarioNode): { readonly choice?: Choice; readonly branch: Branch }[] {
  if (node.kind === 'scene') return node.next.map((branch) => ({ branch }));
  if (node.kind === 'decision')
    return node.choices.flatMap((choice) => choice.next.map((branch) => ({ choice, branch })));
  return [];
}

/** Node ids breadth-first from the start; nodes no branch reaches (the loader refuses them) at the end. */
export function breadthFirst(scenario: Scenario): string[] {
  const seen = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  for (let i = 0; i < queue.length; i++) {
    const node = scenario.nodes[queue[i] ?? ''];
    if (node === undefined) continue;
    for (const { branch } of branchesOf(node)) {
      if (seen.has(branch.goto)) continue;
      seen.add(branch.goto);
      queue.push(branch.goto);
    }
  }
  const rest = Object.keys(scenario.nodes).filter((id) => !seen.has(id));
  return [...queue, ...rest].filter((id) => scenario.nodes[id] !== undefined);
}

export function reviewOrder(scenario: Scenario, recommendedPath: readonly string[]): ReviewOrder {
  const bfs = breadthFirst(scenario);
  const onPath = new Map(recommendedPath.map((id, i) => [id, i] as const));
  // Recommended-path screens by their place on it, then the rest by breadth-first place.
  const rank = (id: string) => onPath.get(id) ?? recommendedPath.length + bfs.indexOf(id);
  const nodes = [...bfs]
    .sort((a, b) => rank(a) - rank(b))
    .map((id) => scenario.nodes[id])
    .filter((node) => node !== undefined);

  // Declared stages first, in their order (a stage no screen names stays out); screens with no stage last.
  const groups = new Map<StageId, ScenarioNode[]>(scenario.stages.map((stage) => [stage.id, []]));
  for (const node of nodes) {
    if (node.kind === 'ending') continue;
    const group = groups.get(node.stage) ?? [];
    groups.set(node.stage, group);
    group.push(node);
  }
  const stages = [...groups.entries()]
    .filter(([, members]) => members.length > 0)
    .map(([stage, members]) => ({ stage, nodes: members }));
  const endings = nodes.filter((node) => node.kind === 'ending');
  return { stages, endings, all: [...stages.flatMap((group) => group.nodes), ...endings] };
}

/** For each node id, every branch that leads into it, in review order of the screens it comes from. */
export function arrivals(order: ReviewOrder): Map<string, Arrival[]> {
  const into = new Map<string, Arrival[]>();
  for (const from of order.all) {
    for (const { choice, branch } of branchesOf(from)) {
      const list = into.get(branch.goto) ?? [];
      list.push({ from, branch, ...(choice ? { choice } : {}) });
      into.set(branch.goto, list);
    }
  }
  return into;
}

/** The decision a `decisionId.choiceId` key names, and the choice, when both exist. */
export function choiceOf(
  scenario: Scenario,
  key: string,
): { decision: DecisionNode; choice: Choice } | undefined {
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind !== 'decision' || !key.startsWith(`${node.id}.`)) continue;
    const choice = node.choices.find((c) => `${node.id}.${c.id}` === key);
    if (choice) return { decision: node, choice };
  }
  return undefined;
}
