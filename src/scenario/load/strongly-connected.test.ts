import { describe, expect, it } from 'vitest';
import { stronglyConnected } from './strongly-connected.ts';

const graph: Readonly<Record<string, readonly string[]>> = {
  a: ['b'],
  b: ['c', 'a'],
  c: ['d'],
  d: ['c'],
  e: [],
};

describe('stronglyConnected', () => {
  it('groups nodes that lead to each other', () => {
    const components = stronglyConnected(Object.keys(graph), (id) => graph[id] ?? []).map((c) =>
      [...c].sort(),
    );
    expect(components).toEqual([['c', 'd'], ['a', 'b'], ['e']]);
  });

  it('walks a chain of 20 000 nodes without overflowing the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const components = stronglyConnected(ids, (id) => {
      const next = Number(id.slice(1)) + 1;
      return next < ids.length ? [`n${next}`] : [];
    });
    expect(components).toHaveLength(20_000);
  });
});
