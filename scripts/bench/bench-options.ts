import { parseArgs } from 'node:util';
import { DEFAULT_RUNS } from './bench-profile.ts';

export interface BenchOptions {
  readonly runs: number;
  readonly build: boolean;
  /** The built package's folder (the launch page `index.html` and its files). */
  readonly packageDir: string;
  readonly out: string;
}

export const USAGE = `Usage: npm run bench -- [--runs N] [--no-build] [--package DIR] [--out FILE]
  --runs N       runs per figure, each with a fresh browser and profile (default ${DEFAULT_RUNS}; the issue asks for at least 5)
  --no-build     measure the package already in --package instead of running \`npm run build\` first
  --package DIR  the unzipped package to serve (default dist/web)
  --out FILE     where the figures go as JSON (default bench-results/bench.json)`;

/** Throws with the usage text on anything it does not understand. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    throw new Error(`--runs takes a whole number from 1 to 50, not "${values.runs}"\n${USAGE}`);
  }
  return {
    runs,
    build: !values['no-build'],
    packageDir: values.package ?? 'dist/web',
    out: values.out ?? 'bench-results/bench.json',
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string' },
      'no-build': { type: 'boolean' },
      package: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
}
