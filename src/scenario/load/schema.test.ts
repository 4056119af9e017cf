import { describe, expect, it } from 'vitest';
import schema from '../../../scenarios/scenario.schema.json' with { type: 'json' };
import { ID_PATTERN } from '../model.ts';

type SchemaNode = { readonly [key: string]: unknown };

function walk(node: unknown, visit: (node: SchemaNode, path: string) => void, path = '#'): void {
  if (node === null || typeof node !== 'object') return;
  visit(node as SchemaNode, path);
  for (const [key, child] of Object.entries(node)) walk(child, visit, `${path}/${key}`);
}

describe('scenario.schema.json', () => {
  it('describes every property, so the editor can show help for each key', () => {
    const bare: string[] = [];
    walk(schema, (node, path) => {
      const properties = node.properties as Readonly<Record<string, SchemaNode>> | undefined;
      if (!properties || path.endsWith('/if')) return;
      for (const [name, property] of Object.entries(properties)) {
        if (typeof property.description !== 'string' && typeof property.$ref !== 'string')
          bare.push(`${path}/${name}`);
      }
    });
    expect(bare).toEqual([]);
  });

  it('gives every referenced definition a description', () => {
    const bare = Object.entries(schema.definitions).filter(([, d]) => typeof d.description !== 'string');
    expect(bare.map(([name]) => name)).toEqual([]);
  });

  it('refuses unknown keys in every object, so typos are caught', () => {
    const open: string[] = [];
    walk(schema, (node, path) => {
      if (node.type === 'object' && node.additionalProperties === undefined && !path.endsWith('/node')) {
        open.push(path);
      }
    });
    expect(open).toEqual([]);
  });

  it('uses the model id pattern for every id', () => {
    const patterns = new Set<string>();
    walk(schema, (node) => {
      if (typeof node.pattern === 'string' && node.pattern.includes('{0,62}')) patterns.add(node.pattern);
    });
    expect([...patterns]).toEqual([ID_PATTERN.source]);
  });
});
