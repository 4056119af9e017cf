// <gpb:locale> in imsmanifest.xml's <metadata>: the language the learner reads, en-GB when it is left out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModuleIdentityError, parseModuleIdentity } from '../plugins/module-identity';

const file = path.join(__dirname, 'fixtures', 'manifests', 'valid-minimal.xml');
const minimal = readFileSync(file, 'utf8');
const withLocale = (element: string) => minimal.replace('  </metadata>', `    ${element}\n  </metadata>`);
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

function refusal(source: string): ModuleIdentityError {
  try {
    parseModuleIdentity(source, file);
  } catch (error) {
    if (error instanceof ModuleIdentityError) return error;
    throw error;
  }
  throw new Error('the manifest was accepted');
}

describe('the locale in imsmanifest.xml', () => {
  it('is en-GB when the manifest names none', () => {
    expect(parseModuleIdentity(minimal, file).locale).toBe('en-GB');
  });

  it('is the tag in <gpb:locale>', () => {
    expect(parseModuleIdentity(withLocale('<gpb:locale> cy </gpb:locale>'), file).locale).toBe('cy');
  });

  it.each([
    [
      '<gpb:locale>en_GB</gpb:locale>',
      /"en_GB" is not a language tag/,
      /BCP 47 tag such as <gpb:locale>en-GB/,
    ],
    ['<gpb:locale></gpb:locale>', /gpb:locale is empty/, /leave the element out for en-GB/],
    ['<gpb:locale>en-gb</gpb:locale>', /"en-gb" is not written the standard way/, /write en-GB/],
    ['<gpb:locale>cy</gpb:locale><gpb:locale>en-GB</gpb:locale>', /more than one <gpb:locale>/, /keep one/],
  ])('refuses %s at its line, with the fix', (element, problem, fix) => {
    const source = withLocale(element);
    const error = refusal(source);
    expect(error.line).toBe(lineOf(source, '<gpb:locale>'));
    expect(error.problem).toMatch(problem);
    expect(error.fix).toMatch(fix);
  });
});
