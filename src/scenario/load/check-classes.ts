import type { ChoiceClass } from '../model.ts';
import type { Issue } from './issue.ts';
import type { Draft, DraftChoice } from './read-draft.ts';

/** Higher is better: a choice must score below every choice of a higher class in its decision. */
const RANK: Readonly<Record<ChoiceClass, number>> = { poor: 0, acceptable: 1, recommended: 2 };

/**
 * Checks each decision's classes on their own: exactly one `recommended` choice, and points that agree with
 * the classes (the recommended total above every acceptable one, every acceptable total above every poor
 * one). A choice whose class is missing or misspelt is left to the schema.
 */
export function checkClasses(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  for (const node of draft.nodes) {
    if (node.kind !== 'decision') continue;
    const classed = node.choices.filter(
      (choice): choice is DraftChoice & { class: NonNullable<DraftChoice['class']> } =>
        choice.class !== undefined,
    );
    const recommended = classed.filter((choice) => choice.class.value === 'recommended');
    const [first, second] = recommended;
    if (first === undefined && classed.length === node.choices.length && classed.length > 0) {
      issues.push({
        path: [...node.path, 'choices'],
        part: 'key',
        code: 'recommended-count',
        message: `decision "${node.id}" has no recommended choice`,
        hint: 'give the one choice the guidance advises class: recommended; the LMS records it as the correct response',
      });
    }
    if (second !== undefined) {
      issues.push({
        path: second.class.path,
        code: 'recommended-count',
        message: `decision "${node.id}" has ${recommended.length} recommended choices (${recommended.map(name).join(', ')}); it needs exactly one`,
        hint: 'keep class: recommended on the one choice the guidance advises, and class the others acceptable or poor',
      });
    }
    for (const choice of classed) {
      if (!choice.scored) continue;
      const above = classed.filter(
        (other) => other.scored && RANK[other.class.value] > RANK[choice.class.value],
      );
      const lowest = above.reduce<DraftChoice | undefined>(
        (low, other) => (low === undefined || other.total < low.total ? other : low),
        undefined,
      );
      if (lowest?.class === undefined || choice.total < lowest.total) continue;
      issues.push({
        path: [...choice.path, 'score'],
        code: 'points-vs-class',
        message: `${choice.class.value} choice ${name(choice)} in decision "${node.id}" scores ${choice.total}, ${choice.total === lowest.total ? 'as much as' : 'more than'} ${lowest.class.value} ${name(lowest)} (${lowest.total}): the points must agree with the class`,
        hint: 'a recommended choice scores more than every acceptable one, and an acceptable one more than every poor one: change the points or the class',
      });
    }
  }
  return issues;
}

function name(choice: DraftChoice): string {
  return `"${choice.id?.value ?? '?'}"`;
}
