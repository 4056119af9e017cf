import type { Path } from './issue.ts';

const LIST_ITEM_NAMES: Readonly<Record<string, string>> = {
  outcomes: 'outcome',
  principles: 'principle',
  references: 'reference',
  choices: 'choice',
  next: 'branch',
  guidance: 'citation',
  pages: 'page',
  chose: 'entry',
  notChose: 'entry',
};

/**
 * Names where a path points in the author's terms: `node "stage1", choice "decline", feedback`.
 * List items are named by their `id` when they have one, else counted from 1 as a reader would.
 */
export function describePath(data: unknown, path: Path): string {
  if (path.length === 0) return 'the top level';
  const parts: string[] = [];
  let value: unknown = data;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i];
    const parent = path[i - 1];
    value = child(value, segment);
    if (parent === 'nodes' && i === 1) {
      parts.push(`node "${String(segment)}"`);
    } else if (typeof segment === 'number' && typeof parent === 'string') {
      const name = LIST_ITEM_NAMES[parent] ?? 'item';
      const id = idOf(value);
      parts.push(id === undefined ? `${name} ${segment + 1}` : `${name} "${id}"`);
    } else if (typeof segment === 'string' && segment !== 'nodes' && !(segment in LIST_ITEM_NAMES)) {
      parts.push(segment);
    } else if (typeof segment === 'string' && i === path.length - 1) {
      parts.push(segment);
    }
  }
  return parts.join(', ') || 'the top level';
}

function child(value: unknown, segment: string | number | undefined): unknown {
  if (segment === undefined || value === null || typeof value !== 'object') return undefined;
  return (value as Record<string | number, unknown>)[segment];
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}
