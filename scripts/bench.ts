/**
 * `npm run bench`: builds, then measures the package in headless Chromium (CPU ×4, slow 4G) inside an LMS
 * frame whose Commit is a synchronous request, and prints the figures with the issue's budgets as met / not
 * met lines. Writes the figures as JSON. Exits 0 whether or not budgets are met; non-zero only when the
 * harness itself fails. How each figure is taken: scripts/bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { isCmi5ZipFileName } from '../plugins/package-cmi5-zip.ts';
import { benchBudgets } from './bench/bench-budgets.ts';
import { benchFigures, type RunResult } from './bench/bench-figures.ts';
import { parseBenchOptions } from './bench/bench-options.ts';
import { CPU_SLOWDOWN, FIRST_CHOICE_SELECTOR, NETWORK_PROFILE } from './bench/bench-profile.ts';
import { benchRun, warmUp } from './bench/bench-run.ts';
import { startBenchServer } from './bench/bench-server.ts';
import { type Cmi5TrafficResult, cmi5TrafficLines, measureCmi5Traffic } from './bench/cmi5-traffic.ts';
import { floorPageHtml } from './bench/floor-page-html.ts';
import type { FirstChoiceLoad } from './bench/measure-first-choice.ts';
import { reportTable } from './bench/report-table.ts';
import { suspendDataBound } from './bench/suspend-data-bound.ts';
import {
  measureTrainerReport,
  type ReportRenderFigures,
  reportRenderLines,
} from './bench/trainer-report-render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  process.chdir(root);
  if (options.build) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
  }
  const packageDir = path.resolve(options.packageDir);
  if (!existsSync(path.join(packageDir, 'index.html'))) throw new Error(`${packageDir}/index.html not found`);
  const scormAgain = path.join(root, 'node_modules/scorm-again/dist/scorm2004.min.js');

  const started = Date.now();
  const server = await startBenchServer(packageDir, scormAgain);
  const runs: RunResult[] = [];
  let floorText = '';
  let startHeading = '';
  try {
    log(`serving ${packageDir} gzipped at ${server.origin}`);
    const warm = await warmUp(server);
    log(`warm-up: first choice "${warm.firstChoice.label}" (${warm.firstChoice.kind}); floor page written`);
    floorText = warm.firstChoice.mainText;
    startHeading = warm.paints.at(-1)?.heading ?? '';
    server.setFloorHtml(floorPageHtml(floorText, warm.firstChoice.label));
    for (let run = 0; run < options.runs; run++) {
      const result = await benchRun(server, run);
      runs.push(result);
      log(
        `run ${run + 1}/${options.runs}: module ${Math.round(result.module.firstChoice.at)} ms, ` +
          `app live ${Math.round(result.module.appLiveAt ?? Number.NaN)} ms, ` +
          `floor ${Math.round(result.floor.firstChoice.at)} ms, ` +
          `resume ${Math.round(result.resume?.appLiveAt ?? Number.NaN)} ms, ${result.clicks} clicks, ` +
          `${result.play.decisions.length} decisions; ${result.playStopReason}`,
      );
    }
  } finally {
    await server.close();
  }

  // The trainer's report, built beside the package's folder: 1,000 trainees, file chosen to report shown.
  const reportFile = path.join(path.dirname(packageDir), 'trainer-report.html');
  let trainerReport: ReportRenderFigures | null = null;
  const loaded = loadScenarioFile(path.join(root, 'scenarios/boundaries.yaml'));
  if (existsSync(reportFile) && loaded.ok) {
    trainerReport = await measureTrainerReport(reportFile, loaded.scenario, options.runs);
    log(`trainer report: ${trainerReport.runsMs.map((t) => `${Math.round(t)} ms`).join(', ')}`);
  }

  // The cmi5 package's statements and bytes per decision, when an LRS kit is up (its variables exported).
  let cmi5: Cmi5TrafficResult | null = null;
  if (loaded.ok) {
    const cmi5Zip = readdirSync(path.dirname(packageDir)).find(isCmi5ZipFileName);
    cmi5 = await measureCmi5Traffic(
      root,
      cmi5Zip && path.join(path.dirname(packageDir), cmi5Zip),
      loaded.scenario,
    );
    log(cmi5.measured ? `cmi5: ${cmi5.bytesPerDecision} B per decision` : `cmi5: not measured (${cmi5.why})`);
  }

  const figures = benchFigures(runs, suspendDataBound(), startHeading);
  const budgets = benchBudgets(figures);
  console.log(`\n${reportTable(figures, budgets)}`);
  console.log(`\n${reportRenderLines(trainerReport, path.relative(root, reportFile))}`);
  if (cmi5) console.log(`\n${cmi5TrafficLines(cmi5)}`);
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    package: path.relative(root, packageDir),
    profile: {
      cpuSlowdown: CPU_SLOWDOWN,
      network: NETWORK_PROFILE,
      firstChoiceSelector: FIRST_CHOICE_SELECTOR,
    },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    figures,
    budgets,
    trainerReport,
    cmi5,
    firstScreenText: floorText,
    // The first screen's text is the same in every run; it is kept once, above.
    runs: runs.map(({ floor, module, standaloneFloor, standalone, uncompressed, resume, ...rest }) => ({
      ...rest,
      floor: withoutText(floor),
      module: withoutText(module),
      standaloneFloor: withoutText(standaloneFloor),
      standalone: withoutText(standalone),
      uncompressed: withoutText(uncompressed),
      resume: resume && withoutText(resume),
    })),
  };
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`figures written to ${options.out} (${report.durationSeconds} s)`);
}

function withoutText(load: FirstChoiceLoad): FirstChoiceLoad {
  return { ...load, firstChoice: { ...load.firstChoice, mainText: '' } };
}

function log(message: string): void {
  console.log(`bench: ${message}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
