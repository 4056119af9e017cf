// Unzips a SCORM package into memory, as an LMS would on upload, and reads its manifest.
import { strFromU8, unzipSync } from 'fflate';
import type { PreviewPackageInfo } from './package-info.ts';
import { readManifest } from './read-manifest.ts';
import { isSafeRelativePath } from './safe-relative-path.ts';

export interface PreviewPackage {
  readonly info: PreviewPackageInfo;
  /** Files by their path inside the zip, '/'-separated, no leading slash. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export class PackageError extends Error {
  override name = 'PackageError';
}

export function openPackageZip(name: string, zip: Uint8Array): PreviewPackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new PackageError(`${name}: not a readable zip (${(error as Error).message}).`);
  }
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(entries)) {
    if (path.endsWith('/')) continue;
    // A "zip slip" entry (../x, /x) would escape the package on a disk-unzipping LMS; refuse the package.
    if (!isSafeRelativePath(path)) throw new PackageError(`${name}: unsafe path in zip: "${path}".`);
    files.set(path, bytes);
  }
  const manifest = files.get('imsmanifest.xml');
  if (!manifest && files.has('cmi5.xml')) {
    throw new PackageError(
      `${name}: a cmi5 package (cmi5.xml, no imsmanifest.xml). The preview LMS plays SCORM packages; a cmi5 LMS ` +
        'launches this one with a Learning Record Store (README: "The cmi5 package").',
    );
  }
  if (!manifest) {
    // SCORM CAM 3.2: the manifest must be at the root of the PIF; LMSs (Moodle too) reject anything else.
    throw new PackageError(`${name}: imsmanifest.xml is not at the root of the zip.`);
  }
  let info: ReturnType<typeof readManifest>;
  try {
    info = readManifest(strFromU8(manifest));
  } catch (error) {
    throw new PackageError(`${name}: ${(error as Error).message}`);
  }
  const launchFile = info.launchHref.split(/[?#]/)[0] ?? '';
  if (!files.has(launchFile)) {
    throw new PackageError(`${name}: imsmanifest.xml launches "${launchFile}", which is not in the zip.`);
  }
  return { info: { ...info, name, launchUrl: `/packages/${name}/${info.launchHref}` }, files };
}

/** A URL-safe package name from a zip file name: `x/My Course v2.zip` → `My-Course-v2`. */
export function packageNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base
    .replace(/\.zip$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
  return name || 'package';
}
