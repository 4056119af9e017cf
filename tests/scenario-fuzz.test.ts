import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileContentPage } from '../src/scenario/load/compile-markdown';
import { type LoadResult, loadScenario } from '../src/scenario/load/load-scenario';

// Seeded: a failure reproduces exactly, and the suite runs the same cases every time.
const RUNS = { seed: 42, numRuns: 200 } as const;

const VALID = readFileSync('tests/fixtures/scenarios/valid-minimal.yaml', 'utf8');
const OPTIONS = {
  file: 'fuzz.yaml',
  pages: { privacy: compileContentPage('privacy', '# Privacy\n\nText.\n') },
  fileExists: (p: string) => p === 'media/car-park.svg',
};

/** Loads without throwing, and every problem has a real position and is not the loader's own crash. */
function expectWellFormed(source: string): LoadResult {
  const result = loadScenario(source, OPTIONS);
  const lines = source.split(/\r\n|\r|\n/).length;
  const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines + 1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.code).not.toBe('internal-error');
    expect(problem.message.length).toBeGreaterThan(0);
  }
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  return result;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

function pathsOf(value: Json, prefix: Step[] = []): Step[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return here;
}

function parentOf(root: Json, path: readonly Step[]): { parent: Json; key: Step } {
  let parent: Json = root;
  for (const step of path.slice(0, -1)) parent = (parent as Record<Step, Json>)[step] as Json;
  return { parent, key: path[path.length - 1] as Step };
}

const base = parse(VALID) as Json;
const basePaths = pathsOf(base);

const scenarioWords = fc.constantFrom(
  'id',
  'title',
  'version',
  'passMark',
  'start',
  'outcomes',
  'principles',
  'references',
  'nodes',
  'type',
  'scene',
  'decision',
  'ending',
  'next',
  'goto',
  'when',
  'chose',
  'choices',
  'class',
  'recommended',
  'acceptable',
  'poor',
  'short',
  'rationale',
  'score',
  'feedback',
  'guidance',
  'illustration',
  'pages',
);
const yamlish: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 20 }),
    fc.double({ noNaN: true }),
    fc.string({ maxLength: 12 }),
    scenarioWords,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(scenarioWords, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('the scenario loader never throws', () => {
  it('returns problems with positions for random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectWellFormed(text);
      }),
      RUNS,
    );
  });

  it('returns problems with positions for random YAML documents built from scenario words', () => {
    fc.assert(
      fc.property(yamlish, (value) => {
        expectWellFormed(stringify(value));
      }),
      RUNS,
    );
  });

  it('survives any key of the valid scenario being deleted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...basePaths), (path) => {
        const data = structuredClone(base);
        const { parent, key } = parentOf(data, path);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete (parent as Record<Step, Json>)[key];
        expectWellFormed(stringify(data));
      }),
      RUNS,
    );
  });

  it('survives any value of the valid scenario changing type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...basePaths), yamlish, (path, value) => {
        const data = structuredClone(base);
        const { parent, key } = parentOf(data, path);
        (parent as Record<Step, Json>)[key] = value;
        expectWellFormed(stringify(data));
      }),
      RUNS,
    );
  });

  it('survives any id, key or target being replaced by a random string', () => {
    fc.assert(
      fc.property(fc.constantFrom(...basePaths), fc.string({ maxLength: 20 }), (path, replacement) => {
        const data = structuredClone(base);
        const { parent, key } = parentOf(data, path);
        const record = parent as Record<Step, Json>;
        if (!Array.isArray(parent) && typeof key === 'string' && typeof record[key] === 'object') {
          // Rename the key itself (a node id, a score's principle).
          const value = record[key] as Json;
          delete record[key];
          record[replacement] = value;
        } else {
          record[key] = replacement;
        }
        expectWellFormed(stringify(data));
      }),
      RUNS,
    );
  });

  it('survives the file being cut off anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: VALID.length }), (end) => {
        expectWellFormed(VALID.slice(0, end));
      }),
      RUNS,
    );
  });

  it('still loads the untouched valid scenario', () => {
    expect(expectWellFormed(VALID).ok).toBe(true);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    // "Billion laughs": each level repeats the one before nine times; expanded, it is 9^8 strings.
    const levels = 'abcdefgh'.split('');
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
    ].join('\n');
    const result = expectWellFormed(bomb);
    expect(!result.ok && result.errors.map((p) => p.code)).toEqual(['yaml-syntax']);
    expect(!result.ok && result.errors[0]?.message).toMatch(/alias/);
  });
});
