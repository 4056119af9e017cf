// Finds and opens the zips the preview serves: the build's (dist/*.zip) or the ones named on the command line.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCmi5ZipFileName } from '../plugins/package-cmi5-zip.ts';
import { openPackageZip, type PreviewPackage, packageNameFromFile } from './open-package-zip.ts';
import type { PreviewStandard } from './package-info.ts';

export class NoPackagesError extends Error {
  override name = 'NoPackagesError';
}

const STANDARD_ORDER: readonly PreviewStandard[] = [
  'scorm12',
  'scorm2004-2nd',
  'scorm2004-3rd',
  'scorm2004-4th',
];

/** The zips directly in `distDir`: the SCORM ones the preview serves, and the cmi5 ones it cannot. */
export interface DistZips {
  readonly scorm: string[];
  /** The build's `<id>-<version>-cmi5.zip`: a cmi5 LMS launches it with an LRS, which the preview is not. */
  readonly cmi5: string[];
}

/** Every `*.zip` directly in `distDir`, or a NoPackagesError that says what to do. */
export async function findDistZips(distDir: string): Promise<DistZips> {
  const howTo =
    'Run `npm run build` (or `npm start` without --no-build), or pass a zip: `npm start -- path/to/package.zip`.';
  if (!existsSync(distDir))
    throw new NoPackagesError(`${distDir} does not exist, so there is no package to preview. ${howTo}`);
  const zips = (await readdir(distDir)).filter((f) => f.toLowerCase().endsWith('.zip')).sort();
  const scorm = zips.filter((f) => !isCmi5ZipFileName(f));
  if (scorm.length === 0) {
    throw new NoPackagesError(
      `${distDir} holds no SCORM zip (the build writes <id>-<version>-scorm12.zip, -scorm2004-3rd.zip and -scorm2004-4th.zip there). ${howTo}`,
    );
  }
  return {
    scorm: scorm.map((f) => join(distDir, f)),
    cmi5: zips.filter(isCmi5ZipFileName).map((f) => join(distDir, f)),
  };
}

/** Opens each zip under a unique name, SCORM 1.2 first, then 2004 by edition. */
export async function loadPackageZips(paths: readonly string[]): Promise<PreviewPackage[]> {
  const used = new Set<string>();
  const packages: PreviewPackage[] = [];
  for (const path of paths) {
    const base = packageNameFromFile(path);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    packages.push(openPackageZip(name, new Uint8Array(await readFile(path))));
  }
  return packages.sort(
    (a, b) => STANDARD_ORDER.indexOf(a.info.standard) - STANDARD_ORDER.indexOf(b.info.standard),
  );
}
