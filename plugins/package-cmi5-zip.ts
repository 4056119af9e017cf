import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { LAUNCH_STANDARD_ATTRIBUTE } from '../src/lms/find-lms-api.ts';
import { CMI5_COURSE_STRUCTURE, writeCmi5CourseStructure } from './cmi5-course-structure.ts';
import { withCmi5Script } from './cmi5-launch-script.ts';
import { LAUNCH_PAGE } from './manifest-file-list.ts';
import type { ModuleIdentity } from './module-identity.ts';
import { FIXED_MTIME, listWebFiles } from './package-scorm-zips.ts';

export interface BuiltCmi5Zip {
  readonly label: string;
  readonly fileName: string;
  readonly path: string;
  readonly bytes: number;
}

export const CMI5_LABEL = 'cmi5';

export function cmi5ZipFileName(identity: ModuleIdentity): string {
  return `${identity.id}-${identity.version}-cmi5.zip`;
}

/** True for a file named as the build names its cmi5 zip (any id or version). */
export function isCmi5ZipFileName(name: string): boolean {
  return name.toLowerCase().endsWith('-cmi5.zip');
}

/**
 * The SCORM launch page allows no network connection at all (`connect-src 'none'`): a SCORM LMS is reached
 * through a JavaScript object. A cmi5 AU talks to the LRS with fetch, at the endpoint its launch URL names:
 * the player's own origin, or an LRS elsewhere, which is https in any real deployment. Plain http is allowed
 * only to the page's own origin (`'self'`), as the CATAPULT player in the tests serves it.
 */
export const CMI5_CONNECT_SRC = "connect-src 'self' https:";

/**
 * The launch page of the cmi5 package: `data-scorm-standard="cmi5"` on <html> (src/lms/find-lms-api.ts reads
 * it and opens a cmi5 session instead of looking for a SCORM API object), the cmi5 script inlined before the
 * app's (plugins/cmi5-launch-script.ts), and a policy that lets it reach the LRS.
 */
export function withCmi5LaunchPage(html: string, cmi5Script: string): string {
  const tag = /<html(?=[\s>])/i;
  if (!tag.test(html)) throw new Error(`the launch page ${LAUNCH_PAGE} has no <html> tag to name cmi5 on`);
  if (!html.includes("connect-src 'none'"))
    throw new Error(`the launch page ${LAUNCH_PAGE} has no connect-src 'none' to open for the LRS`);
  return withCmi5Script(html, cmi5Script)
    .replace(tag, `<html ${LAUNCH_STANDARD_ATTRIBUTE}="cmi5"`)
    .replace("connect-src 'none'", CMI5_CONNECT_SRC);
}

/**
 * Writes <id>-<version>-cmi5.zip: cmi5.xml at the root (cmi5 §14.1) and the same web files as the SCORM zips,
 * the launch page marked for cmi5 and carrying the cmi5 script. A cmi5 zip of another version or id left in zipDir is removed.
 */
export function packageCmi5Zip(options: {
  readonly webDir: string;
  readonly zipDir: string;
  readonly identity: ModuleIdentity;
  /** The cmi5 launch page's own script (plugins/cmi5-launch-script.ts). */
  readonly cmi5Script: string;
}): BuiltCmi5Zip {
  const { webDir, zipDir, identity, cmi5Script } = options;
  const fileName = cmi5ZipFileName(identity);
  for (const name of readdirSync(zipDir))
    if (isCmi5ZipFileName(name) && name !== fileName) rmSync(path.join(zipDir, name));
  const entries: Zippable = {
    [CMI5_COURSE_STRUCTURE]: new TextEncoder().encode(writeCmi5CourseStructure(identity)),
  };
  for (const file of listWebFiles(webDir)) {
    if (Object.hasOwn(entries, file))
      throw new Error(`the web build has a file ${file} that clashes with the package's own ${file}`);
    const content = readFileSync(path.join(webDir, file));
    entries[file] =
      file === LAUNCH_PAGE
        ? new TextEncoder().encode(withCmi5LaunchPage(new TextDecoder().decode(content), cmi5Script))
        : content;
  }
  const bytes = zipSync(entries, { level: 9, mtime: FIXED_MTIME });
  const zipPath = path.join(zipDir, fileName);
  writeFileSync(zipPath, bytes);
  return { label: CMI5_LABEL, fileName, path: zipPath, bytes: bytes.length };
}
