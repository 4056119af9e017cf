import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityDisagreements } from '../plugins/identity-agreement.ts';
import { readModuleIdentity } from '../plugins/module-identity.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'identity-agreement-'));
const manifest = path.resolve('imsmanifest.xml');
const { version, passMark } = readModuleIdentity(manifest);
const manifestLines = readFileSync(manifest, 'utf8').split('\n');
const manifestLine = (needle: RegExp) => manifestLines.findIndex((line) => needle.test(line)) + 1;

let files = 0;
function scenarioWith(lines: { version?: string; passMark?: string }): string {
  const file = path.join(dir, `scenario-${++files}.yaml`);
  writeFileSync(
    file,
    [
      'id: demo',
      'title: Demo',
      lines.version ?? `version: ${version}`,
      'minutes: 60',
      lines.passMark ?? `passMark: ${passMark}`,
      'start: a',
      '',
    ].join('\n'),
  );
  return file;
}

describe('imsmanifest.xml and the scenario agree on the pass mark and the version', () => {
  it('accepts the project as it is: both say the same', () => {
    expect(identityDisagreements(manifest, path.resolve('scenarios/boundaries.yaml'))).toEqual([]);
  });

  it('stops the build on a pass mark that differs, naming the scenario line, the manifest line and the fix', () => {
    const [message, ...more] = identityDisagreements(manifest, scenarioWith({ passMark: 'passMark: 0.8' }));
    expect(more).toEqual([]);
    expect(message).toMatch(
      new RegExp(`scenario-\\d+\\.yaml:5: passMark 0\\.8 differs from the pass mark ${passMark}`),
    );
    expect(message).toContain(`imsmanifest.xml:${manifestLine(/minNormalizedMeasure>/)}`);
    expect(message).toMatch(/Fix: make them equal/);
  });

  it('stops the build on a version that differs (quoted or not), naming both places and the fix', () => {
    for (const line of ['version: 9.9.9', 'version: "9.9.9"']) {
      const [message, ...more] = identityDisagreements(manifest, scenarioWith({ version: line }));
      expect(more).toEqual([]);
      expect(message).toMatch(
        new RegExp(`scenario-\\d+\\.yaml:3: version 9\\.9\\.9 differs from the version ${version}`),
      );
      expect(message).toContain(`imsmanifest.xml:${manifestLine(/<manifest\b.*\bversion=/)}`);
      expect(message).toMatch(/certificate prints/);
    }
  });

  it('reports both when both differ', () => {
    const file = scenarioWith({ version: 'version: 0.0.1', passMark: 'passMark: 0.5' });
    expect(identityDisagreements(manifest, file)).toHaveLength(2);
  });

  it('leaves a missing value to the scenario loader, which reports it with its own hint', () => {
    const file = scenarioWith({ version: '# no version', passMark: '# no pass mark' });
    expect(identityDisagreements(manifest, file)).toEqual([]);
  });
});
