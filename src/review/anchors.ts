/**
 * The review pack's anchors: stable ids a clinical reviewer quotes in a comment ("decision-stage1_car_park")
 * and that a link to the HTML can end in (`…-review.html#decision-stage1_car_park`). Built from the
 * scenario's own ids, which are letters, digits, `_` and `.` (model.ts ID_PATTERN), so they need no escaping
 * and stay the same from one version of the pack to the next.
 */
import type { ScenarioNode } from '../scenario/model.ts';

/** `decision-<id>` for a decision, `node-<id>` for a scene or an ending. */
export function nodeAnchor(node: Pick<ScenarioNode, 'id' | 'kind'>): string {
  return node.kind === 'decision' ? `decision-${node.id}` : `node-${node.id}`;
}

/** `choice-<decisionId>.<choiceId>`: the `decisionId.choiceId` key conditions and the LMS already use. */
export function choiceAnchor(decisionId: string, choiceId: string): string {
  return `choice-${decisionId}.${choiceId}`;
}

export function referenceAnchor(refId: string): string {
  return `ref-${refId}`;
}

export function pageAnchor(pageId: string): string {
  return `page-${pageId}`;
}

/** A stage's section: `stage-<n>` (the stage as the nodes name it), `stage-none` for screens with none. */
export function stageAnchor(stage: string | number | undefined): string {
  return stage === undefined ? 'stage-none' : `stage-${stage}`;
}
