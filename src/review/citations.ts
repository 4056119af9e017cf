/**
 * Citations as the pack shows them: beside a choice, linked to the reference list; and in the reference
 * list, every choice that cites the reference, linked back, so a reviewer checking a source sees at once
 * which screens lean on it.
 */
import type { Choice, Citation, DecisionNode, Reference } from '../scenario/model.ts';
import { choiceAnchor, referenceAnchor } from './anchors.ts';
import { escapeHtml } from './html.ts';

export interface CitingChoice {
  readonly decision: DecisionNode;
  readonly choice: Choice;
  readonly citation: Citation;
}

/** "paragraph 86", "paragraphs 94–96" (a range or a list reads as plural, as the learner's screens say). */
export function paragraphText(para: string): string {
  const many = /[–\-,&]|\band\b/.test(para);
  return `${many ? 'paragraphs' : 'paragraph'} ${para}`;
}

/** "General Medical Council: Good medical practice (2024), paragraph 86", the source linked to its entry. */
export function citationHtml(citation: Citation, references: readonly Reference[]): string {
  const reference = references.find((r) => r.id === citation.ref);
  const name = reference ? `${reference.publisher}: ${reference.title}` : citation.ref;
  const para = citation.para === undefined ? '' : `, ${escapeHtml(paragraphText(citation.para))}`;
  return `<a href="#${referenceAnchor(citation.ref)}">${escapeHtml(name)}</a>${para}`;
}

/** Reference id → the choices citing it, in the order the decisions are given. */
export function citingChoices(decisions: readonly DecisionNode[]): Map<string, CitingChoice[]> {
  const byRef = new Map<string, CitingChoice[]>();
  for (const decision of decisions) {
    for (const choice of decision.choices) {
      for (const citation of choice.feedback.guidance) {
        const list = byRef.get(citation.ref) ?? [];
        list.push({ decision, choice, citation });
        byRef.set(citation.ref, list);
      }
    }
  }
  return byRef;
}

/** A back-link from the reference list to the citing choice. */
export function citingChoiceHtml({ decision, choice, citation }: CitingChoice): string {
  const para = citation.para === undefined ? '' : ` (${escapeHtml(paragraphText(citation.para))})`;
  return (
    `<a href="#${choiceAnchor(decision.id, choice.id)}">${escapeHtml(decision.title)}: ` +
    `“${escapeHtml(choice.short)}”</a>${para}`
  );
}
