import schema from '../../../scenarios/scenario.schema.json' with { type: 'json' };
import type { Path } from './issue.ts';

/** The schema's own words for what a place expects, and plain words for what an author wrote there. */

interface SchemaNode {
  readonly $ref?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

const definitions = schema.definitions as unknown as Readonly<Record<string, SchemaNode>>;

/** Ajv reports `/nodes/a~1b/choices/0`; list indexes become numbers so the YAML walk can tell lists from maps. */
export function toPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let value: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value) && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      value = value[Number(segment)];
    } else {
      path.push(segment);
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

export function propertyName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'string') return i === path.length - 1 ? segment : `${segment} item`;
  }
  return 'the scenario';
}

export function resolveSchemaNode(node: unknown): SchemaNode | undefined {
  const schemaNode = node as SchemaNode | undefined;
  const ref = schemaNode?.$ref;
  if (ref?.startsWith('#/definitions/')) return definitions[ref.slice('#/definitions/'.length)];
  return schemaNode;
}

export function describeSchema(node: unknown): string {
  return resolveSchemaNode(node)?.description ?? 'see scenarios/README.md';
}

export function describeProperty(parent: unknown, property: string): string {
  return describeSchema(resolveSchemaNode(parent)?.properties?.[property]);
}

export function describeType(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value lines)';
    default:
      return type;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${preview(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return preview(value);
}

export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…"` : text;
}

export function suggestId(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_.]+/g, '_').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'my_id';
}
