import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './bench-options.ts';

describe('parseBenchOptions', () => {
  it('builds, runs five times and measures dist/web by default', () => {
    expect(parseBenchOptions([])).toEqual({
      runs: 5,
      build: true,
      packageDir: 'dist/web',
      out: 'bench-results/bench.json',
    });
  });

  it('takes --runs 1 and --no-build for development', () => {
    expect(parseBenchOptions(['--runs', '1', '--no-build'])).toMatchObject({ runs: 1, build: false });
  });

  it('refuses a run count that is not a whole number, with the usage', () => {
    expect(() => parseBenchOptions(['--runs', 'two'])).toThrow(/--runs takes a whole number[\s\S]*Usage/);
  });

  it('refuses an unknown flag, with the usage', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/Usage/);
  });
});
