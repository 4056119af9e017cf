import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModuleIdentityError, readModuleIdentity } from '../plugins/module-identity';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'manifests', name);

function errorFor(name: string): ModuleIdentityError {
  try {
    readModuleIdentity(fixture(name));
  } catch (error) {
    if (error instanceof ModuleIdentityError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('readModuleIdentity', () => {
  it('reads id, title, description, provider, version and pass mark, decoding entities and folding whitespace', () => {
    expect(readModuleIdentity(fixture('valid-minimal.xml'))).toEqual({
      id: 'test_module',
      title: `Boundaries: "when" it's hard`,
      description: 'Tom & Jerry <discuss> boundaries.',
      provider: 'Smith & Jones Learning',
      version: '2.3.4',
      passMark: 0.85,
      statusReporting: 'passed-failed',
      scorm2004ExitWhenFinished: 'suspend',
      locale: 'en-GB',
    });
  });

  it('reads the reporting choice and the 2004 finished exit when the manifest sets them', () => {
    expect(readModuleIdentity(fixture('valid-reporting.xml'))).toMatchObject({
      statusReporting: 'completed-incomplete',
      scorm2004ExitWhenFinished: 'normal',
    });
  });

  it('reads the project manifest: gp_professional_boundaries 1.1.0 with a 75 % pass mark', () => {
    const identity = readModuleIdentity(path.join(__dirname, '..', 'imsmanifest.xml'));
    expect(identity).toMatchObject({
      id: 'gp_professional_boundaries',
      title: 'Professional boundaries: when a patient pursues you',
      version: '1.1.0',
      passMark: 0.75,
    });
    expect(identity.description).toMatch(/GP trainees/);
    expect(identity.provider).toBe('GP Professional Boundaries project (open source)');
    expect(identity).toMatchObject({
      statusReporting: 'passed-failed',
      scorm2004ExitWhenFinished: 'suspend',
    });
  });

  it.each([
    [
      'unclosed-tag.xml',
      13,
      /malformed XML: <title> is not closed before <\/organization> on line 23/,
      /add <\/title>/,
    ],
    ['bare-ampersand.xml', 7, /malformed XML: a bare "&"/, /&amp;/],
    ['missing-identifier.xml', 2, /<manifest> has no identifier/, /identifier="gp_professional_boundaries"/],
    [
      'identifier-with-spaces.xml',
      2,
      /"test module" contains spaces; Oracle Learning rejects/,
      /"test_module"/,
    ],
    [
      'organization-identifier-with-spaces.xml',
      12,
      /organization identifier "test module org" contains spaces/,
      /"test_module_org"/,
    ],
    ['missing-version.xml', 2, /<manifest> has no version/, /version="1.0.0"/],
    ['missing-title.xml', 12, /<organization> has no <title>/, /add <title>/],
    [
      'item-title-differs.xml',
      15,
      /item title "Another title" differs from the organization title/,
      /make them the same/,
    ],
    [
      'missing-description.xml',
      6,
      /<metadata> has no <description>/,
      /<gpb:description xmlns:gpb="urn:gp-boundaries:module">/,
    ],
    [
      'missing-provider.xml',
      6,
      /<metadata> has no <provider>/,
      /<gpb:provider xmlns:gpb="urn:gp-boundaries:module">/,
    ],
    [
      'missing-pass-mark.xml',
      17,
      /pass mark is missing: <imsss:primaryObjective> has no imsss:minNormalizedMeasure/,
      /0\.7<\/imsss:minNormalizedMeasure>/,
    ],
    [
      'pass-mark-above-100-percent.xml',
      18,
      /pass mark 1\.7 means 170 %, outside 0–100 %/,
      /between 0 and 1: 0\.7 for 70 %/,
    ],
    ['pass-mark-negative.xml', 18, /pass mark -0\.2 means -20 %, outside 0–100 %/, /between 0 and 1/],
    ['pass-mark-not-a-number.xml', 18, /pass mark "70 %" is not a number/, /0\.7 for 70 %/],
    [
      'status-reporting-unknown.xml',
      10,
      /gpb:statusReporting \(what a finished attempt reports as its status\) is "passed\/failed", not one of passed-failed, passed-incomplete, completed-failed, completed-incomplete, completed/,
      /<gpb:statusReporting>passed-failed<\/gpb:statusReporting>.*or leave the element out for passed-failed/,
    ],
    ['status-reporting-twice.xml', 11, /more than one <gpb:statusReporting>/, /keep one/],
    [
      'exit-2004-empty.xml',
      10,
      /gpb:scorm2004ExitWhenFinished \(the exit a finished SCORM 2004 attempt sends\) is empty, not one of suspend, normal/,
      /<gpb:scorm2004ExitWhenFinished>normal<\/gpb:scorm2004ExitWhenFinished>, or leave the element out for suspend/,
    ],
  ])('refuses %s, naming line %i and the fix', (name, line, problem, fix) => {
    const error = errorFor(name);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(problem);
    expect(error.fix).toMatch(fix);
    expect(error.message).toContain(`${fixture(name)}:${line}: `);
    expect(error.message).toContain('Fix: ');
  });
});
