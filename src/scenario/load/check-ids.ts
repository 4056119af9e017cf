import type { Issue } from './issue.ts';
import type { Draft, Named } from './read-draft.ts';

/**
 * Ids are what the LMS records (SCORM 2004 interaction ids, objective ids), so each must be unique in its
 * list. Node ids are mapping keys, so YAML itself reports a node defined twice.
 */
export function checkDuplicateIds(draft: Draft, positionOf: (n: Named) => number): Issue[] {
  const issues: Issue[] = [];
  const lists: [string, string, readonly Named[]][] = [
    ['outcome', '', draft.outcomes],
    ['principle', '', draft.principles],
    ['reference', '', draft.references],
    ['stage', '', draft.stages],
  ];
  for (const node of draft.nodes) {
    lists.push(['choice', ` in decision "${node.id}"`, node.choices.flatMap((choice) => choice.id ?? [])]);
  }
  for (const [what, where, ids] of lists) {
    const first = new Map<string, Named>();
    for (const id of ids) {
      const earlier = first.get(id.value);
      if (earlier === undefined) {
        first.set(id.value, id);
        continue;
      }
      issues.push({
        path: id.path,
        code: 'duplicate-id',
        message: `duplicate ${what} id "${id.value}"${where} (first used on line ${positionOf(earlier)})`,
        hint: 'give each one its own id; the LMS tells them apart by id',
      });
    }
  }
  return issues;
}
