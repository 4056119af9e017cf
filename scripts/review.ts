/**
 * `npm run review [-- [--out <dir>] [scenario.yaml]]`: the review pack for clinical sign-off. Writes
 * dist/review/<module id>-<version>-review.html, one self-contained page with every screen, choice, ending,
 * content page and reference of the scenario (src/review/), and prints it to a PDF beside it through
 * Chromium. A scenario that does not load prints the build's file:line:col problems and writes nothing.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModuleIdentityError } from '../plugins/module-identity.ts';
import { renderReviewPack } from '../src/review/render-review-pack.ts';
import { formatProblem } from '../src/scenario/load/index.ts';
import { countPdfPages, printPdf } from './print-pdf.ts';
import { loadReviewInput } from './review-input.ts';

const USAGE = `Usage: npm run review [-- [--out <dir>] [--manifest <file>] [scenario.yaml]]
Writes the review pack for clinical sign-off as HTML and PDF.
  --out <dir>         where to write it (default dist/review)
  --manifest <file>   the module's identity (default imsmanifest.xml)
  scenario.yaml       the scenario (default scenarios/boundaries.yaml)`;

interface Options {
  readonly scenario: string;
  readonly out: string;
  readonly manifest: string;
}

function parseArgs(argv: readonly string[]): Options {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out' || arg === '--manifest') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      values[arg.slice(2)] = value;
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new UsageError('Name one scenario file.');
  return {
    scenario: positional[0] ?? path.join('scenarios', 'boundaries.yaml'),
    out: values.out ?? path.join('dist', 'review'),
    manifest: values.manifest ?? 'imsmanifest.xml',
  };
}

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const options = parseArgs(argv);
  const generatedOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
  const loaded = loadReviewInput(options.scenario, options.manifest, generatedOn);
  for (const warning of loaded.warnings) console.log(formatProblem(warning));
  if (!loaded.ok) {
    for (const error of loaded.errors) console.error(formatProblem(error));
    console.error(`✗ ${options.scenario}: ${loaded.errors.length} error(s); no review pack written`);
    return 1;
  }
  const { input } = loaded;
  const { identity, scenario } = input;
  const html = renderReviewPack(input);

  mkdirSync(options.out, { recursive: true });
  const base = path.join(options.out, `${identity.id}-${identity.version}-review`);
  writeFileSync(`${base}.html`, html);
  const pdf = await printPdf(path.resolve(`${base}.html`), `${base}.pdf`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `✓ review pack for ${identity.title} v${identity.version} (scenario ${scenario.id} v${scenario.version})`,
  );
  console.log(`  html  ${base}.html  ${kilobytes(statSync(`${base}.html`).size)}`);
  console.log(`  pdf   ${base}.pdf  ${kilobytes(pdf.byteLength)}, ${countPdfPages(pdf)} A4 pages`);
  console.log(`  made in ${seconds} s`);
  return 0;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (error instanceof ModuleIdentityError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  },
);
