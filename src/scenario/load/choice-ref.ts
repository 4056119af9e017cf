import type { Draft, DraftNode } from './read-draft.ts';

/**
 * Finds the decision and choice a `decisionId.choiceId` reference names. Ids may themselves contain dots,
 * so every split point is tried.
 */
export function resolveChoiceRef(
  ref: string,
  draft: Draft,
): { decision: DraftNode; choiceId: string } | undefined {
  for (let dot = ref.indexOf('.'); dot !== -1; dot = ref.indexOf('.', dot + 1)) {
    const decision = draft.byId.get(ref.slice(0, dot));
    const choiceId = ref.slice(dot + 1);
    if (decision?.kind === 'decision' && decision.choices.some((choice) => choice.id?.value === choiceId)) {
      return { decision, choiceId };
    }
  }
  return undefined;
}

/** The decision a reference most likely meant, for the hint: the longest prefix that names a decision. */
export function decisionNamedBy(ref: string, draft: Draft): DraftNode | undefined {
  for (let dot = ref.lastIndexOf('.'); dot > 0; dot = ref.lastIndexOf('.', dot - 1)) {
    const decision = draft.byId.get(ref.slice(0, dot));
    if (decision?.kind === 'decision') return decision;
  }
  return undefined;
}
