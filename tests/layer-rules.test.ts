/**
 * The layer direction of ARCHITECTURE.md is held by the linter: each wrong-way import below must be refused,
 * and the right-way one accepted. Each case is linted in a scratch folder with the project's own biome.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const biome = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
  'bin/biome',
);
const scratch = mkdtempSync(path.join(tmpdir(), 'layer-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let cases = 0;
function lint(file: string, source: string) {
  const dir = path.join(scratch, String(cases++));
  mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
  copyFileSync('biome.json', path.join(dir, 'biome.json'));
  writeFileSync(path.join(dir, file), source);
  const run = spawnSync(process.execPath, [biome, 'lint', file], { cwd: dir, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('the layer rules', () => {
  it.each([
    ['src/scenario/x.ts', "import { h } from 'preact';"],
    ['src/scenario/x.ts', "import { x } from '../lms/lms-port.ts';"],
    ['src/scenario/x.ts', "import { x } from '../ui/module-app.tsx';"],
    ['src/lms/x.ts', "import { createActor } from 'xstate';"],
    ['src/lms/x.ts', "import { x } from '../ui/module-app.tsx';"],
    ['src/ui/x.ts', "import { x } from '../lms/lms-port.ts';"],
    ['src/ui/x.ts', "import { Scorm12API } from 'scorm-again';"],
    ['src/ui/x.ts', "import { x } from '../app/main.tsx';"],
    ['src/scenario/x.ts', "import { x } from '../report/cohort.ts';"],
    ['src/report/x.ts', "import { h } from 'preact';"],
    ['src/report/x.ts', "import { x } from '../ui/class-mark.tsx';"],
    ['src/report/x.ts', "import { x } from '../report-ui/report-page.tsx';"],
    ['src/report-ui/x.ts', "import { x } from '../lms/lms-port.ts';"],
    ['src/report-ui/x.ts', "import { createActor } from 'xstate';"],
    ['src/report-ui/x.ts', "import { x } from '../app/main.tsx';"],
    ['src/review/x.ts', "import { h } from 'preact';"],
    ['src/review/x.ts', "import { x } from '../ui/format-citation.ts';"],
    ['src/review/x.ts', "import { x } from '../report/cohort.ts';"],
  ])('refuses in %s: %s', (file, importLine) => {
    const result = lint(file, `${importLine}\nexport const y = x;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Layers: /);
  });

  it.each([
    ['src/ui/x.ts', "import type { Scenario } from '../scenario/model.ts';\nexport type S = Scenario;\n"],
    ['src/report/x.ts', "import type { Scenario } from '../scenario/model.ts';\nexport type S = Scenario;\n"],
    [
      'src/review/x.ts',
      "import { analysePaths } from '../scenario/analyse-paths.ts';\nexport const a = analysePaths;\n",
    ],
    [
      'src/report-ui/x.ts',
      "import type { Cohort } from '../report/cohort.ts';\nimport { ClassMark } from '../ui/class-mark.tsx';\nexport type C = Cohort;\nexport const M = ClassMark;\n",
    ],
  ])('accepts imports that follow the direction in %s', (file, source) => {
    const result = lint(file, source);
    expect(result.output).not.toMatch(/Layers: /);
    expect(result.ok).toBe(true);
  });
});
