import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passMarkDisagreement } from '../plugins/pass-mark-agreement.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pass-mark-'));
const manifest = path.resolve('imsmanifest.xml');

function scenarioWith(passMarkLine: string): string {
  const file = path.join(dir, `${passMarkLine.replace(/\W/g, '_')}.yaml`);
  writeFileSync(file, `id: demo\ntitle: Demo\nversion: 1.0.0\nminutes: 60\n${passMarkLine}\nstart: a\n`);
  return file;
}

describe('pass mark agreement between imsmanifest.xml and the scenario', () => {
  it('accepts the project as it is: both say the same', () => {
    expect(passMarkDisagreement(manifest, path.resolve('scenarios/boundaries.yaml'))).toBeNull();
  });

  it('stops the build naming the scenario line, the manifest line and the fix when they differ', () => {
    const message = passMarkDisagreement(manifest, scenarioWith('passMark: 0.8'));
    const manifestLine =
      readFileSync(manifest, 'utf8')
        .split('\n')
        .findIndex((line) => line.includes('minNormalizedMeasure>')) + 1;
    expect(message).toMatch(/passMark__0_8\.yaml:5: passMark 0\.8 differs from the pass mark 0\.7/);
    expect(message).toContain(`imsmanifest.xml:${manifestLine}`);
    expect(message).toMatch(/Fix: make them equal/);
  });

  it('leaves a missing passMark to the scenario loader, which reports it with its own hint', () => {
    expect(passMarkDisagreement(manifest, scenarioWith('# no pass mark'))).toBeNull();
  });
});
