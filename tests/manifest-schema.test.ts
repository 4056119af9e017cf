import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { SCORM_STANDARDS, type ScormStandard, scormStandard } from '../plugins/scorm-standards';
import { validateManifest } from '../plugins/xsd-validate-manifest';

// Validation with xmllint-wasm (libxml2 2.13, no system dependency) against a wrapper schema per standard
// that imports every namespace the manifest uses (tests/schemas/*-all.xsd; scorm-notes §4 says why).
// imsmd_rootv1p2p1.xsd is left out for SCORM 1.2: this libxml2 cannot compile it ("content model is not
// determinist"), and our manifests hold no inline imsmd metadata.

const manifestPath = path.join(__dirname, '..', 'imsmanifest.xml');
const identity = readModuleIdentity(manifestPath);
const files = ['index.html', 'assets/index-AbC123.js', 'assets/index-AbC123.css', 'media/waiting room.svg'];

function wrapperFor(standard: ScormStandard): string {
  return path.join(
    __dirname,
    'schemas',
    standard.key === 'scorm12' ? 'scorm12-all.xsd' : 'scorm2004-all.xsd',
  );
}

async function validate(xml: string, standard: ScormStandard) {
  return validateManifest(xml, standard, wrapperFor(standard));
}

function replaceOnce(xml: string, from: string, to: string): string {
  expect(xml).toContain(from);
  return xml.replace(from, to);
}

describe.each(SCORM_STANDARDS)('the $label manifest', (standard) => {
  const manifest = standard.writeManifest(identity, files);
  const scormType = standard.key === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType';

  it('validates against the ADL/IMS schemas', async () => {
    const result = await validate(manifest, standard);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('fails validation when the sco type is written in capitals', async () => {
    const broken = replaceOnce(manifest, `${scormType}="sco"`, `${scormType}="SCO"`);
    const result = await validate(broken, standard);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/The value 'SCO' is not an element of the set/);
  });

  it('fails validation with a stray element in the organization', async () => {
    const broken = replaceOnce(manifest, '<title>', '<foo/><title>');
    const result = await validate(broken, standard);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/foo.*This element is not expected/);
  });
});

describe.each(['scorm2004-3rd', 'scorm2004-4th'] as const)('the %s manifest', (key) => {
  it('fails validation with a pass mark measure of 1.8', async () => {
    const standard = scormStandard(key);
    const broken = replaceOnce(
      standard.writeManifest(identity, files),
      '<imsss:minNormalizedMeasure>0.75<',
      '<imsss:minNormalizedMeasure>1.8<',
    );
    const result = await validate(broken, standard);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/minNormalizedMeasure.*maxInclusive.*'1\.8'/);
  });
});

describe('the top-level imsmanifest.xml', () => {
  it('is itself a valid SCORM 2004 4th Edition manifest', async () => {
    const result = await validate(readFileSync(manifestPath, 'utf8'), scormStandard('scorm2004-4th'));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
