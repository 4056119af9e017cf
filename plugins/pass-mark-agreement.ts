/**
 * The pass mark is stated twice: in imsmanifest.xml (what the LMS is told) and in the scenario file (what the
 * path analysis checks and the learner is scored against). The build stops when they differ, naming both
 * places, so the LMS and the module can never disagree about who passed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { readModuleIdentity } from './module-identity.ts';

/** 1-based line of the first match, or 1 when none (the file is still named). */
function lineOf(text: string, pattern: RegExp): number {
  const index = text.search(pattern);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function passMarkOfScenario(yaml: string): number | null {
  const match = /^passMark:\s*([0-9.]+)\s*(#.*)?$/m.exec(yaml);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export function passMarkDisagreement(manifestFile: string, scenarioFile: string): string | null {
  const manifest = readFileSync(manifestFile, 'utf8');
  const scenario = readFileSync(scenarioFile, 'utf8');
  const fromManifest = readModuleIdentity(manifestFile).passMark;
  const fromScenario = passMarkOfScenario(scenario);
  // A missing or malformed passMark is the scenario loader's to report, with its own position and hint.
  if (fromScenario === null || Math.abs(fromScenario - fromManifest) < 1e-9) return null;
  const scenarioAt = `${path.relative(process.cwd(), scenarioFile)}:${lineOf(scenario, /^passMark:/m)}`;
  const manifestAt = `${path.relative(process.cwd(), manifestFile)}:${lineOf(manifest, /minNormalizedMeasure>/)}`;
  return (
    `${scenarioAt}: passMark ${fromScenario} differs from the pass mark ${fromManifest} at ${manifestAt}.\n` +
    '  Fix: make them equal. The manifest value is what every LMS is told; the scenario value is what the ' +
    'learner is scored against.'
  );
}

export function passMarkAgreementPlugin(
  manifestFile = 'imsmanifest.xml',
  scenarioFile = 'scenarios/boundaries.yaml',
): Plugin {
  return {
    name: 'pass-mark-agreement',
    apply: 'build',
    buildStart() {
      const problem = passMarkDisagreement(path.resolve(manifestFile), path.resolve(scenarioFile));
      if (problem) this.error(problem);
    },
  };
}
