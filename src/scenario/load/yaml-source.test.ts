import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml-source.ts';

const SOURCE = ['id: demo', 'nodes:', '  intro:', '    next: [a, b]', '    title: "Hi"', ''].join('\n');

describe('parseYaml', () => {
  it('finds a value by its path, 1-based', () => {
    expect(parseYaml(SOURCE).positionOf(['nodes', 'intro', 'next', 1])).toEqual({ line: 4, column: 15 });
  });

  it('finds the key itself when asked for the key', () => {
    expect(parseYaml(SOURCE).positionOf(['nodes', 'intro', 'title'], 'key')).toEqual({ line: 5, column: 5 });
  });

  it('falls back to the nearest existing ancestor for a path that is not there', () => {
    expect(parseYaml(SOURCE).positionOf(['nodes', 'intro', 'missing', 3])).toEqual({ line: 4, column: 5 });
  });

  it('keeps the first of two repeated keys and reports the second where it is', () => {
    const parsed = parseYaml('a: 1\nb: 2\na: 3\n');
    expect(parsed.data).toEqual({ a: 1, b: 2 });
    expect(parsed.issues.map((i) => [i.code, i.at])).toEqual([['duplicate-key', { line: 3, column: 1 }]]);
  });

  it('reports one syntax error per line, not every error the parser cascades into', () => {
    const parsed = parseYaml('a: [1, 2\nb: 3\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues.map((i) => [i.code, i.at?.line])).toEqual([['yaml-syntax', 2]]);
  });

  it('reads an empty document as null', () => {
    expect(parseYaml('# only a comment\n').data).toBeNull();
  });
});
