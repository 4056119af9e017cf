import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { Issue, Path } from './issue.ts';

export interface ParsedYaml {
  /** The document as plain data, or `undefined` when it could not be read at all. */
  readonly data: unknown;
  readonly issues: readonly Issue[];
  /** 1-based line and column of the node at `path` (its key with `part: 'key'`); 1:1 when nothing matches. */
  readonly positionOf: (path: Path, part?: 'key' | 'value') => { line: number; column: number };
}

interface Positioned {
  readonly line: number;
  readonly column: number;
}

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below instead, so the first definition can be kept and the rest checked.
  const doc = parseDocument(source, {
    lineCounter,
    keepSourceTokens: true,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const at = (offset: number): Positioned => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const issues: Issue[] = [];
  const linesWithErrors = new Set<number>();
  for (const error of doc.errors) {
    const position = at(error.pos[0]);
    // One mistake (an unclosed bracket) often yields several parser errors on one line; the first says it.
    if (linesWithErrors.has(position.line)) continue;
    linesWithErrors.add(position.line);
    issues.push({
      path: [],
      at: position,
      code: 'yaml-syntax',
      message: firstLine(error.message),
      hint: yamlHint(error.code),
    });
  }
  for (const warning of doc.warnings) {
    issues.push({
      path: [],
      at: at(warning.pos[0]),
      code: 'yaml-warning',
      message: firstLine(warning.message),
      hint: 'plain YAML is enough here: no tags (!x) are needed',
      severity: 'warning',
    });
  }
  const fatal = doc.errors.length > 0;
  if (!fatal) issues.push(...removeDuplicateKeys(doc, at));
  let data: unknown;
  if (!fatal) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // yaml refuses alias bombs ("billion laughs") with an exception rather than a document error.
      issues.push({
        path: [],
        code: 'yaml-syntax',
        message: error instanceof Error ? error.message : String(error),
        hint: 'write the values out instead of nesting aliases (*name)',
      });
    }
  }
  if (!fatal && data === undefined && issues.length === 0) data = null;

  const positionOf = (path: Path, part: 'key' | 'value' = 'value'): Positioned => {
    const offset = locate(doc, path, part);
    return offset === undefined ? { line: 1, column: 1 } : at(offset);
  };
  return { data: fatal ? undefined : data, issues, positionOf };
}

function locate(doc: Document, path: Path, part: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i += 1) {
    if (isAlias(node)) return best;
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return best;
      const keyStart = rangeStart(pair.key);
      if (last && part === 'key') return keyStart ?? best;
      const valueStart = rangeStart(pair.value);
      // `key:` with nothing after it: point at the key, where the author will type.
      best =
        isScalar(pair.value) && pair.value.value === null
          ? (keyStart ?? best)
          : (valueStart ?? keyStart ?? best);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return best;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Reports every repeated key and drops the repeats, so the data holds the first definition (the one an
 * author reading top-down meets first) and later checks do not trip over a half-replaced node.
 */
function removeDuplicateKeys(doc: Document, at: (offset: number) => Positioned): Issue[] {
  const issues: Issue[] = [];
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, number>();
      map.items = map.items.filter((pair) => {
        if (!isScalar(pair.key)) return true;
        const key = String(pair.key.value);
        const start = pair.key.range?.[0] ?? 0;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, start);
          return true;
        }
        issues.push({
          path: [],
          at: at(start),
          code: 'duplicate-key',
          message: `"${key}" appears twice in the same mapping (first on line ${at(earlier).line}); the second is ignored`,
          hint: 'each key may appear once in a mapping; node ids are keys, so give each node its own id',
        });
        return false;
      });
    },
  });
  return issues;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'one scenario per file: remove the extra "---" document';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation (spaces, not tabs) and that brackets and quotes are closed';
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs for indentation';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line and end with ": "; quote text that contains ": "';
    default:
      return 'fix the YAML syntax here; quoting text that contains ":" or "#" often helps';
  }
}
