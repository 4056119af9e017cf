/**
 * Prose states the module's numbers through placeholders, so an edit to the stages, the pass mark or the text
 * never leaves a stale figure behind; a placeholder the loader cannot fill is an error at its line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../plugins/load-scenario-file';
import { readModuleIdentity } from '../plugins/module-identity';
import { projectScenario } from './project-scenario';

const workDir = mkdtempSync(path.join(tmpdir(), 'placeholders-'));
for (const dir of ['scenarios', 'content']) cpSync(dir, path.join(workDir, dir), { recursive: true });
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const scenarioFile = path.join(workDir, 'scenarios', 'boundaries.yaml');
const startPage = path.join(workDir, 'content', 'pages', 'start.md');
const original = { scenario: readFileSync(scenarioFile, 'utf8'), start: readFileSync(startPage, 'utf8') };

/** Loads the copy with one file's text replaced, then puts it back. */
function loadWith(file: string, text: string, options: { manifest?: string } = {}) {
  writeFileSync(file, text);
  try {
    return loadScenarioFile(scenarioFile, { cwd: workDir, ...options });
  } finally {
    writeFileSync(file, file === scenarioFile ? original.scenario : original.start);
  }
}

function lineOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

describe("The project's prose", () => {
  const scenario = projectScenario();

  it('states the stage count, pass mark and time on the start page from the scenario itself', () => {
    const html = scenario.pages.start?.html ?? '';
    expect(html).toContain(`There are ${scenario.stages.filter((s) => s.number).length} stages`);
    expect(html).toContain(`${Math.round(scenario.passMark * 100)}\u00a0%`);
    expect(html).toContain(`about ${scenario.minutes} minutes`);
  });

  it('has no placeholder left unfilled anywhere', () => {
    expect(JSON.stringify(scenario)).not.toContain('{{');
  });
});

describe('Placeholder mistakes', () => {
  it('names the page, line and column of an unknown placeholder, with the closest name', () => {
    const text = original.start.replace('{{stageCount}}', '{{stagecount}}');
    const result = loadWith(startPage, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      file: 'content/pages/start.md',
      ...lineOf(text, '{{stagecount}}'),
      code: 'unknown-placeholder',
      message: 'unknown placeholder {{stagecount}}',
    });
    expect(result.errors[0]?.hint).toContain('stageCount');
  });

  it("names the scenario's line and column of a bad placeholder deep in a folded body", () => {
    const text = original.scenario.replace('None of this is unusual', 'None of this is {{pasMark}} unusual');
    const result = loadWith(scenarioFile, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((p) => [p.file, p.line, p.column, p.code])).toEqual([
      ['scenarios/boundaries.yaml', ...Object.values(lineOf(text, '{{pasMark}}')), 'unknown-placeholder'],
    ]);
  });

  it('fills {{title}} and {{version}} from the manifest, and calls them an error where there is none', () => {
    const text = original.scenario.replace(
      'None of this is unusual',
      'In {{title}} {{version}}, none of this is unusual',
    );
    const identity = readModuleIdentity('imsmanifest.xml');
    const filled = loadWith(scenarioFile, text, { manifest: path.resolve('imsmanifest.xml') });
    if (!filled.ok) throw new Error(filled.errors.map((p) => p.message).join('\n'));
    expect(filled.scenario.nodes.prologue?.body).toContain(`In ${identity.title} ${identity.version}, none`);

    const unfilled = loadWith(scenarioFile, text);
    expect(unfilled.ok).toBe(false);
    if (unfilled.ok) return;
    expect(unfilled.errors.map((p) => [p.code, p.line])).toEqual([
      ['placeholder-without-value', lineOf(text, '{{title}}').line],
      ['placeholder-without-value', lineOf(text, '{{version}}').line],
    ]);
  });
});
