import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import { bundleCmi5Script } from './cmi5-launch-script.ts';
import { readModuleIdentity } from './module-identity.ts';
import { packageCmi5Zip } from './package-cmi5-zip.ts';
import { packageScormZips } from './package-scorm-zips.ts';
import { learnerIdentity } from './pseudo-locale.ts';

export interface ScormPackagePluginOptions {
  /** The top-level manifest holding the module's identity; default <root>/imsmanifest.xml. */
  readonly manifest?: string;
  /** Where the zips go; default the parent of build.outDir (dist/ for dist/web). */
  readonly zipDir?: string;
}

export const MODULE_IDENTITY_MODULE = 'virtual:module-identity';
const RESOLVED_MODULE_IDENTITY = `\0${MODULE_IDENTITY_MODULE}`;

/**
 * Two plugins: `module-identity` serves the identity read from imsmanifest.xml to the app as
 * `virtual:module-identity` (dev and build); `scorm-package` zips the web build once per SCORM standard,
 * and once as a cmi5 package, after `vite build` has written it.
 */
export function scormPackagePlugin(options: ScormPackagePluginOptions = {}): Plugin[] {
  let root = process.cwd();
  const manifestPath = () => path.resolve(root, options.manifest ?? 'imsmanifest.xml');

  const identityPlugin: Plugin = {
    name: 'module-identity',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === MODULE_IDENTITY_MODULE ? RESOLVED_MODULE_IDENTITY : undefined;
    },
    load(id) {
      if (id !== RESOLVED_MODULE_IDENTITY) return undefined;
      this.addWatchFile(manifestPath());
      // The zips' manifests keep the title as written; the learner reads it pseudo-localised in that build.
      const identity = learnerIdentity(readModuleIdentity(manifestPath()), this.environment.config.mode);
      return `export default ${JSON.stringify(identity)};\n`;
    },
  };

  let config: ResolvedConfig | undefined;
  const packagePlugin: Plugin = {
    name: 'scorm-package',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      // Fail before bundling, not after: a bad manifest stops the build with its file, line and fix.
      this.addWatchFile(manifestPath());
      readModuleIdentity(manifestPath());
    },
    async closeBundle(error) {
      if (error || !config || config.build.ssr) return;
      const webDir = path.resolve(config.root, config.build.outDir);
      const zipDir = path.resolve(config.root, options.zipDir ?? path.dirname(webDir));
      const identity = readModuleIdentity(manifestPath());
      const zips = packageScormZips({ webDir, zipDir, identity });
      // The cmi5 package: the same web files, cmi5.xml instead of imsmanifest.xml, and its own LMS script
      // inlined in the launch page (plugins/package-cmi5-zip.ts).
      const cmi5Script = await bundleCmi5Script(config.root, config.build.target);
      logZips(config.logger, config.root, [
        ...zips,
        packageCmi5Zip({ webDir, zipDir, identity, cmi5Script }),
      ]);
    },
  };

  return [identityPlugin, packagePlugin];
}

interface BuiltZip {
  readonly path: string;
  readonly bytes: number;
  readonly label: string;
}

function logZips(logger: Logger, root: string, zips: readonly BuiltZip[]): void {
  const names = zips.map((z) => path.relative(root, z.path) || z.path);
  const width = Math.max(...names.map((n) => n.length));
  zips.forEach((zip, i) => {
    const size = `${(zip.bytes / 1000).toFixed(2)} kB`.padStart(10);
    logger.info(`${(names[i] ?? '').padEnd(width)} ${size}  ${zip.label}`);
  });
}
