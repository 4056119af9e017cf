// The README's quick start as a new user runs it: `npm start` on a project with nothing built yet builds the
// packages and serves the preview LMS with every SCORM zip the build wrote, says which zip it does not serve and
// why (the cmi5 package: a cmi5 LMS launches it with an LRS), and the launch page of each package is served.
// On a copy of the project, so the repository's own dist/ is never touched.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { copyProject, type ProjectCopy } from './browser/copy-project';
import { killStartedNpm, startNpm } from './npm-process';

/** A build of all four packages, the trainer's report and the preview page's own bundle, on a busy machine. */
const START_TIMEOUT_MS = 90_000;

const identity = readModuleIdentity('imsmanifest.xml');
const zipName = (kind: string) => `${identity.id}-${identity.version}-${kind}`;
let project: ProjectCopy;

beforeAll(() => {
  project = copyProject(path.resolve('.'), ['scripts', 'preview']);
});

afterEach(killStartedNpm);

afterAll(() => {
  project?.remove();
});

describe('npm start, as the quick start runs it', () => {
  it(
    'builds, serves the three SCORM packages and says why the cmi5 zip is not served',
    async () => {
      expect(existsSync(path.join(project.root, 'dist'))).toBe(false);
      const started = await startNpm(['start'], {
        cwd: project.root,
        timeoutMs: START_TIMEOUT_MS,
        ready: /Ctrl-C/,
      });
      const printed = started.output();
      for (const [label, kind] of [
        ['SCORM 1.2', 'scorm12'],
        ['SCORM 2004 3rd Edition', 'scorm2004-3rd'],
        ['SCORM 2004 4th Edition', 'scorm2004-4th'],
      ] as const)
        expect(printed).toMatch(
          new RegExp(`${label}\\s+http://127\\.0\\.0\\.1:\\d+/\\?package=${zipName(kind)}\\n`),
        );
      expect(printed).toContain(`Not served: dist/${zipName('cmi5')}.zip, the cmi5 package`);

      const origin = `http://127.0.0.1:${started.port}`;
      const listed = (await (await fetch(`${origin}/api/packages`)).json()) as {
        name: string;
        launchUrl: string;
      }[];
      expect(listed.map((p) => p.name)).toEqual(['scorm12', 'scorm2004-3rd', 'scorm2004-4th'].map(zipName));
      for (const { launchUrl } of listed) {
        const page = await fetch(new URL(launchUrl, origin));
        expect(page.status, launchUrl).toBe(200);
        expect(await page.text()).toContain(`<title>${identity.title}</title>`);
      }
      started.npm.kill('SIGTERM');
      await started.exited;
    },
    START_TIMEOUT_MS + 10_000,
  );
});
