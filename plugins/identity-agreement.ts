/**
 * Two values are stated twice: in imsmanifest.xml (what the LMS is told, and what names the zips) and in the
 * scenario file. The pass mark: the LMS's and the one the path analysis checks and the learner is scored
 * against. The version: the zips' and the trainer's report's, and the one the certificate and the review pack
 * print. The build stops when either pair differs, naming both places, so the LMS, the certificate and the
 * report can never disagree about who passed or which version was taken.
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

/** A top-level `key: value` of the scenario's YAML (quotes dropped), or null when it has none. */
function scenarioValue(yaml: string, key: string): string | null {
  const match = new RegExp(`^${key}:\\s*["']?([0-9.]+)["']?\\s*(#.*)?$`, 'm').exec(yaml);
  return match?.[1] ?? null;
}

/** Every disagreement, each with both places and the fix; empty when the two files agree. */
export function identityDisagreements(manifestFile: string, scenarioFile: string): string[] {
  const manifest = readFileSync(manifestFile, 'utf8');
  const scenario = readFileSync(scenarioFile, 'utf8');
  const identity = readModuleIdentity(manifestFile);
  const scenarioAt = (key: string) =>
    `${path.relative(process.cwd(), scenarioFile)}:${lineOf(scenario, new RegExp(`^${key}:`, 'm'))}`;
  const manifestAt = (pattern: RegExp) =>
    `${path.relative(process.cwd(), manifestFile)}:${lineOf(manifest, pattern)}`;
  const problems: string[] = [];

  // A missing or malformed value is the scenario loader's to report, with its own position and hint.
  const passMark = scenarioValue(scenario, 'passMark');
  if (passMark !== null && Math.abs(Number(passMark) - identity.passMark) >= 1e-9)
    problems.push(
      `${scenarioAt('passMark')}: passMark ${passMark} differs from the pass mark ${identity.passMark} at ` +
        `${manifestAt(/minNormalizedMeasure>/)}.\n` +
        '  Fix: make them equal. The manifest value is what every LMS is told; the scenario value is what the ' +
        'learner is scored against.',
    );
  const version = scenarioValue(scenario, 'version');
  if (version !== null && version !== identity.version)
    problems.push(
      `${scenarioAt('version')}: version ${version} differs from the version ${identity.version} at ` +
        `${manifestAt(/<manifest\b[^>]*\bversion=/)}.\n` +
        '  Fix: make them equal. The manifest version names the zips and the trainer’s report; the scenario ' +
        'version is what the certificate prints.',
    );
  return problems;
}

export function identityAgreementPlugin(
  manifestFile = 'imsmanifest.xml',
  scenarioFile = 'scenarios/boundaries.yaml',
): Plugin {
  return {
    name: 'identity-agreement',
    apply: 'build',
    buildStart() {
      const problems = identityDisagreements(path.resolve(manifestFile), path.resolve(scenarioFile));
      if (problems.length > 0) this.error(problems.join('\n\n'));
    },
  };
}
