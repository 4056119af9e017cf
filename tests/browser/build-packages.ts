/**
 * One real `vite build` with the project's config into a temporary folder, for tests that run what we ship:
 * the web files and the three SCORM zips, never the developer's own dist/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { readModuleIdentity } from '../../plugins/module-identity';
import { scormZipFileName } from '../../plugins/package-scorm-zips';
import type { ScormStandardKey } from '../../plugins/scorm-standards';

export interface BuiltPackages {
  /** The unzipped launch page and assets (what every zip carries). */
  readonly webDir: string;
  /** Absolute path of the zip for a standard. */
  zip(standard: ScormStandardKey): string;
  remove(): void;
}

export async function buildPackages(): Promise<BuiltPackages> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'built-packages-'));
  const webDir = path.join(outDir, 'web');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error', build: { outDir: webDir } });
  const identity = readModuleIdentity(path.resolve('imsmanifest.xml'));
  return {
    webDir,
    zip: (standard) => path.join(outDir, scormZipFileName(identity, standard)),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
