// `npm start`: build the SCORM packages, then serve them in the preview LMS on 127.0.0.1 until Ctrl-C.
//   npm start                       build, then preview dist/*.zip
//   npm start -- --no-build         preview dist/*.zip as they are
//   npm start -- path/to/any.zip    preview that package instead (no build)
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildPreviewApp } from '../preview/build-preview-app.ts';
import { findFreePort } from '../preview/find-free-port.ts';
import { findDistZips, loadPackageZips, NoPackagesError } from '../preview/load-package-zips.ts';
import { PackageError } from '../preview/open-package-zip.ts';
import { STANDARD_LABEL } from '../preview/package-info.ts';
import { startPreviewServer } from '../preview/server.ts';
import { runUntilStopped } from './run-until-stopped.ts';

const FIRST_PORT = 5280;
const USAGE = `Usage: npm start [-- [--no-build] [path/to/package.zip ...]]
Builds the module's SCORM packages (vite build) and serves them in a local preview LMS on 127.0.0.1.
  --no-build   serve dist/*.zip as they are
  <zip>        serve that SCORM zip instead of the module's (no build)
  PORT=5300    listen on that port (default: the first free one from ${FIRST_PORT})`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--no-build');
  if (unknown.length > 0) throw new UsageError(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
  const zipArgs = argv.filter((a) => !a.startsWith('-')).map((a) => resolve(a));
  const missing = zipArgs.filter((z) => !existsSync(z));
  if (missing.length > 0) throw new UsageError(`No such file: ${missing.join(', ')}`);

  if (zipArgs.length === 0 && !argv.includes('--no-build')) {
    console.log('Building the SCORM packages (vite build)…');
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  }
  const dist = zipArgs.length > 0 ? { scorm: zipArgs, cmi5: [] } : await findDistZips(join(root, 'dist'));
  const packages = await loadPackageZips(dist.scorm);
  const app = await buildPreviewApp();
  const port = process.env.PORT ? Number(process.env.PORT) : await findFreePort(FIRST_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`PORT must be a port number, not "${process.env.PORT}".`);
  const server = await startPreviewServer({ packages, app }, port);

  console.log(`Preview LMS: ${server.url}`);
  for (const { info } of packages) {
    console.log(
      `  ${STANDARD_LABEL[info.standard].padEnd(24)} ${server.url}?package=${encodeURIComponent(info.name)}`,
    );
    for (const warning of info.warnings) console.log(`    warning: ${warning}`);
  }
  for (const zip of dist.cmi5)
    console.log(
      `  Not served: ${relative(root, zip)}, the cmi5 package (a cmi5 LMS launches it with a Learning Record ` +
        'Store; README: "The cmi5 package").',
    );
  console.log('Press Ctrl-C to stop.');
  runUntilStopped(() => server.close());
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const expected =
    error instanceof UsageError || error instanceof NoPackagesError || error instanceof PackageError;
  const portTaken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  if (expected || portTaken) console.error(`npm start: ${(error as Error).message}`);
  else console.error(error);
  process.exit(1);
});
