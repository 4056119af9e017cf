import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { LAUNCH_STANDARD_ATTRIBUTE } from '../src/lms/find-lms-api.ts';
import { compareCodePoints, LAUNCH_PAGE } from './manifest-file-list.ts';
import type { ModuleIdentity } from './module-identity.ts';
import {
  SCORM_STANDARDS,
  type ScormStandard,
  type ScormStandardKey,
  scormSchemaDirectory,
} from './scorm-standards.ts';
import { schemaClosure, schemaLocationFiles } from './xsd-closure.ts';

export interface ScormZip {
  readonly standard: ScormStandardKey;
  readonly label: string;
  readonly fileName: string;
  readonly path: string;
}

export interface BuiltScormZip extends ScormZip {
  readonly bytes: number;
}

export interface PackageScormZipsOptions {
  /** The web build (vite's outDir): index.html and its assets. */
  readonly webDir: string;
  /** Where the zips go. */
  readonly zipDir: string;
  readonly identity: ModuleIdentity;
}

// A fixed timestamp for every entry, so two builds of the same files give byte-identical zips. Built from
// local-time parts because a zip's DOS date/time is local time (fflate reads getFullYear() and friends).
export const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const MANIFEST = 'imsmanifest.xml';

export function scormZipFileName(identity: ModuleIdentity, standard: ScormStandardKey): string {
  return `${identity.id}-${identity.version}-${standard}.zip`;
}

/** Where the build puts each standard's zip, whether or not it exists yet (for a preview server). */
export function scormZips(zipDir: string, identity: ModuleIdentity): ScormZip[] {
  return SCORM_STANDARDS.map((s) => {
    const fileName = scormZipFileName(identity, s.key);
    return { standard: s.key, label: s.label, fileName, path: path.join(zipDir, fileName) };
  });
}

/** The zips of this identity that exist in zipDir, with their sizes. */
export function listBuiltScormZips(zipDir: string, identity: ModuleIdentity): BuiltScormZip[] {
  return scormZips(zipDir, identity)
    .filter((z) => existsSync(z.path))
    .map((z) => ({ ...z, bytes: statSync(z.path).size }));
}

/** Every file under webDir as a "/"-separated relative path, in code-point order. */
export function listWebFiles(webDir: string): string[] {
  return readdirSync(webDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(webDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort(compareCodePoints);
}

const SCORM_ZIP_NAME = new RegExp(`-(${SCORM_STANDARDS.map((s) => s.key).join('|')})\\.zip$`);

/**
 * Builds one zip per standard from what the web build wrote. Zips of an earlier version or id left in
 * zipDir are removed, so zipDir holds exactly this build's packages.
 */
export function packageScormZips({ webDir, zipDir, identity }: PackageScormZipsOptions): BuiltScormZip[] {
  const webFiles = listWebFiles(webDir);
  const web = new Map(webFiles.map((f) => [f, readFileSync(path.join(webDir, f))] as const));
  const current = scormZips(zipDir, identity);
  mkdirSync(zipDir, { recursive: true });
  for (const name of readdirSync(zipDir))
    if (SCORM_ZIP_NAME.test(name) && !current.some((z) => z.fileName === name))
      rmSync(path.join(zipDir, name));
  return current.map((zip) => {
    const standard = SCORM_STANDARDS.find((s) => s.key === zip.standard) as ScormStandard;
    const bytes = zipSync(packageEntries(standard, identity, webFiles, web), {
      level: 9,
      mtime: FIXED_MTIME,
    });
    writeFileSync(zip.path, bytes);
    return { ...zip, bytes: bytes.length };
  });
}

/**
 * The launch page with its package's standard on <html> (`data-scorm-standard="scorm12"`), so the module looks
 * only for that standard's API object: one bundle serves all three zips, and an LMS frame may expose both
 * objects. An attribute, not a script: no extra request and no change to the page's Content-Security-Policy.
 */
export function withLaunchStandard(html: string, standard: ScormStandard): string {
  const tag = /<html(?=[\s>])/i;
  if (!tag.test(html))
    throw new Error(`the launch page ${LAUNCH_PAGE} has no <html> tag to name its standard on`);
  return html.replace(tag, `<html ${LAUNCH_STANDARD_ATTRIBUTE}="${standard.api}"`);
}

// Entry order: the manifest, the schema files, then the web files; each group in code-point order.
function packageEntries(
  standard: ScormStandard,
  identity: ModuleIdentity,
  webFiles: readonly string[],
  web: ReadonlyMap<string, Uint8Array>,
): Zippable {
  const manifest = standard.writeManifest(identity, webFiles);
  const schemaDir = scormSchemaDirectory(standard);
  const schemas = schemaClosure(schemaDir, schemaLocationFiles(manifest));
  const entries: Zippable = { [MANIFEST]: new TextEncoder().encode(manifest) };
  for (const name of schemas) entries[name] = readFileSync(path.join(schemaDir, name));
  for (const file of webFiles) {
    if (Object.hasOwn(entries, file))
      throw new Error(`the web build has a file ${file} that clashes with the package's own ${file}`);
    const content = web.get(file);
    if (!content) continue;
    entries[file] =
      file === LAUNCH_PAGE
        ? new TextEncoder().encode(withLaunchStandard(new TextDecoder().decode(content), standard))
        : content;
  }
  return entries;
}
