/**
 * Ids are a contract: LMS records, Moodle exports and the trainer's report key on decision and choice ids, so
 * they are pinned here per module version (as Adapt pins its tracking ids in `trackingIds.cy.js`). Changing
 * the set means a new module version in imsmanifest.xml and a new entry in scenarios/released-ids.json;
 * a released entry is never edited, and an id that comes back keeps the meaning it had.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity.ts';
import { projectScenario } from './project-scenario.ts';

type IdSet = Record<string, string[]>;
const pinned: { versions: Record<string, IdSet>; passMarks: Record<string, number> } = JSON.parse(
  readFileSync(path.resolve('scenarios/released-ids.json'), 'utf8'),
);
const versions = Object.keys(pinned.versions);
const latest = versions[versions.length - 1] ?? '';

function currentIds(): IdSet {
  const ids: IdSet = {};
  for (const node of Object.values(projectScenario().nodes)) {
    if (node.kind === 'decision') ids[node.id] = node.choices.map((choice) => choice.id);
  }
  return ids;
}

describe('tracking ids', () => {
  it('are the ids pinned for the module version in imsmanifest.xml', () => {
    const { version } = readModuleIdentity(path.resolve('imsmanifest.xml'));
    expect(
      version,
      'imsmanifest.xml names a version with no pinned ids: add it to scenarios/released-ids.json',
    ).toBe(latest);
    expect(
      currentIds(),
      'the decision or choice ids changed: bump the version in imsmanifest.xml and add the new set as a new entry',
    ).toEqual(pinned.versions[latest]);
  });

  it('change only with a new version: each pinned version holds a different set from the one before', () => {
    const sets = versions.map((v) => JSON.stringify(pinned.versions[v]));
    for (let i = 1; i < sets.length; i++) expect(sets[i], versions[i]).not.toBe(sets[i - 1]);
  });

  it('keep every decision id a trainer has seen: a decision present in an earlier version is still there', () => {
    const now = currentIds();
    for (const version of versions) {
      for (const decisionId of Object.keys(pinned.versions[version] ?? {})) {
        expect(now, `${decisionId} (from ${version})`).toHaveProperty([decisionId]);
      }
    }
  });

  it("name each version's pass mark, the latest as the scenario states it (the trainer's report judges old exports by theirs)", () => {
    expect(Object.keys(pinned.passMarks)).toEqual(versions);
    expect(pinned.passMarks[latest]).toBe(projectScenario().passMark);
  });
});
