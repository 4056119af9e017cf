/**
 * One real `vite build` with the project's config into a temporary folder, for tests that run what we ship:
 * the web files and the three SCORM zips, never the developer's own dist/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { readModuleIdentity } from '../../plugins/module-identity';
import { scormZipFileName } from '../../plugins/package-scorm-zips';
import { PSEUDO_MODE } from '../../plugins/pseudo-locale';
import { MODULE_IDENTITY_MODULE } from '../../plugins/scorm-package-plugin';
import type { ScormStandardKey } from '../../plugins/scorm-standards';

export interface BuiltPackages {
  /** The unzipped launch page and assets (what every zip carries). */
  readonly webDir: string;
  /** Absolute path of the zip for a standard. */
  zip(standard: ScormStandardKey): string;
  remove(): void;
}

export interface BuildPackagesOptions {
  /**
   * Another top-level manifest whose identity the module is built with, e.g. the project's with a different
   * gpb:statusReporting. Only the app's `virtual:module-identity` comes from it: the zips' own manifests (which
   * leave the gpb:* settings out) and the launch page still come from imsmanifest.xml, so keep id, version,
   * title and pass mark the same.
   */
  readonly manifest?: string;
  /** Build in Vite's `pseudo` mode: the pseudo-locale (plugins/pseudo-locale.ts) instead of the manifest's. */
  readonly pseudoLocale?: boolean;
}

export async function buildPackages(options: BuildPackagesOptions = {}): Promise<BuiltPackages> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'built-packages-'));
  const webDir = path.join(outDir, 'web');
  const { manifest } = options;
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'error',
    ...(options.pseudoLocale ? { mode: PSEUDO_MODE } : {}),
    build: { outDir: webDir },
    plugins: manifest ? [identityFrom(manifest)] : [],
  });
  const identity = readModuleIdentity(path.resolve('imsmanifest.xml'));
  return {
    webDir,
    zip: (standard) => path.join(outDir, scormZipFileName(identity, standard)),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Serves `virtual:module-identity` from `manifest`, ahead of the project's own plugin. */
function identityFrom(manifest: string): Plugin {
  const resolved = '\0test-module-identity';
  return {
    name: 'test-module-identity',
    enforce: 'pre',
    resolveId: (id) => (id === MODULE_IDENTITY_MODULE ? resolved : undefined),
    load: (id) =>
      id === resolved ? `export default ${JSON.stringify(readModuleIdentity(manifest))};\n` : undefined,
  };
}
