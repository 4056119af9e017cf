// A throwaway copy of the project for tests that edit authored files (the live preview's): the files a build
// reads are copied, node_modules is linked, so the real scenarios/ and content/ are never touched.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PROJECT_FILES = [
  'vite.config.ts',
  'index.html',
  'imsmanifest.xml',
  'tsconfig.json',
  'package.json',
  'src',
  'plugins',
  'scenarios',
  'content',
];

export interface ProjectCopy {
  readonly root: string;
  remove(): void;
}

/** `also`: more of the repo to copy, e.g. `scripts` and `preview` for a test that runs `npm start` in the copy. */
export function copyProject(from = path.resolve('.'), also: readonly string[] = []): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'project-copy-'));
  for (const name of [...PROJECT_FILES, ...also])
    cpSync(path.join(from, name), path.join(root, name), { recursive: true });
  symlinkSync(path.join(from, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
