import type { Issue, Path } from './issue.ts';
import { lineAndColumn, type PlaceholderValues, placeholderProblems } from './placeholders.ts';

type PositionOf = (path: Path) => { line: number; column: number };

/**
 * Every `{{…}}` in the scenario's strings that cannot be filled, at the token's own line and column: the
 * string's position comes from the YAML, and the token is found in the source from there on (a long body
 * folds over many lines).
 */
export function checkPlaceholders(
  source: string,
  data: unknown,
  positionOf: PositionOf,
  values: PlaceholderValues,
): Issue[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const issues: Issue[] = [];
  for (const { text, path } of stringsIn(data, [])) {
    const problems = placeholderProblems(text, values);
    if (problems.length === 0) continue;
    const { line, column } = positionOf(path);
    let from = (lineStarts[line - 1] ?? 0) + column - 1;
    for (const problem of problems) {
      const found = source.indexOf(problem.token, from);
      const at = found >= 0 ? lineAndColumn(source, found) : { line, column };
      if (found >= 0) from = found + problem.token.length;
      issues.push({ path, at, code: problem.code, message: problem.message, hint: problem.hint });
    }
  }
  return issues;
}

function* stringsIn(value: unknown, path: Path): Generator<{ text: string; path: Path }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsIn(item, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}
