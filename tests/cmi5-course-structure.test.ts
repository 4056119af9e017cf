/**
 * The cmi5 package: cmi5.xml valid against the cmi5 CourseStructure.xsd (the copy CATAPULT validates imports
 * with, tests/schemas/cmi5/), built from imsmanifest.xml's identity, and a zip holding it at its root beside
 * the same web files the SCORM zips carry, the launch page marked for cmi5.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { writeCmi5CourseStructure } from '../plugins/cmi5-course-structure';
import { cspHash } from '../plugins/csp-hash';
import { readModuleIdentity } from '../plugins/module-identity';
import { CMI5_CONNECT_SRC, packageCmi5Zip } from '../plugins/package-cmi5-zip';
import { packageScormZips } from '../plugins/package-scorm-zips';
import { auIri, courseIri } from '../src/lms/xapi-iris';

const schemaFile = path.join(__dirname, 'schemas', 'cmi5', 'CourseStructure.xsd');
const fixture = (name: string) => path.join(__dirname, 'fixtures', 'manifests', name);
const identity = readModuleIdentity(path.join(__dirname, '..', 'imsmanifest.xml'));

async function validate(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: 'cmi5.xml', contents: xml }],
    schema: [{ fileName: 'CourseStructure.xsd', contents: readFileSync(schemaFile, 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

describe('cmi5.xml', () => {
  const xml = writeCmi5CourseStructure(identity);

  it('validates against the cmi5 CourseStructure.xsd', async () => {
    expect(await validate(xml)).toEqual({ valid: true, errors: [] });
  });

  it('fails validation with a moveOn cmi5 does not define', async () => {
    const result = await validate(xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Finished"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/moveOn.*'Finished' is not an element of the set/);
  });

  it('fails validation with a mastery score above 1', async () => {
    const result = await validate(xml.replace(/masteryScore="[^"]*"/, 'masteryScore="75"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/masteryScore/);
  });

  it('names one course and one AU by our IRIs, with the pass mark as masteryScore', () => {
    expect(xml).toContain(`<course id="${courseIri(identity.id)}">`);
    expect(xml.match(/<au /g)).toHaveLength(1);
    expect(xml).toContain(`<au id="${auIri(identity.id)}" moveOn="CompletedAndPassed"`);
    expect(xml).toContain(`masteryScore="${identity.passMark}"`);
    expect(xml).toContain('<url>index.html</url>');
    expect(xml).toContain(`<langstring lang="${identity.locale}">${identity.title}</langstring>`);
  });

  it('asks only for completion when the module reports no pass or fail', async () => {
    const completedOnly = writeCmi5CourseStructure({ ...identity, statusReporting: 'completed' });
    expect(completedOnly).toContain('moveOn="Completed"');
    expect((await validate(completedOnly)).valid).toBe(true);
  });

  it('escapes a title with markup characters', async () => {
    const odd = writeCmi5CourseStructure({ ...identity, title: 'Boundaries <1> & "you"' });
    expect(odd).toContain('Boundaries &lt;1&gt; &amp; &quot;you&quot;');
    expect((await validate(odd)).valid).toBe(true);
  });
});

describe('packageCmi5Zip', () => {
  const temporary: string[] = [];
  const temporaryDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cmi5-zip-'));
    temporary.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const cmi5Script = 'window.cmi5Opener={}';

  function webBuild(): string {
    const webDir = temporaryDir();
    writeFileSync(
      path.join(webDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'none'" /><title>t</title></head><body><script>app()</script>\n  </body></html>`,
    );
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'assets', 'a.js'), 'export {};');
    return webDir;
  }

  it('puts cmi5.xml at the root beside the same web files as the SCORM zips', () => {
    const webDir = webBuild();
    const zipDir = temporaryDir();
    const minimal = readModuleIdentity(fixture('valid-minimal.xml'));
    writeFileSync(path.join(zipDir, 'test_module-0.9.0-cmi5.zip'), 'old');
    const [scorm12] = packageScormZips({ webDir, zipDir, identity: minimal });
    const cmi5 = packageCmi5Zip({ webDir, zipDir, identity: minimal, cmi5Script });

    expect(cmi5.fileName).toBe('test_module-2.3.4-cmi5.zip');
    expect(readdirSync(zipDir)).not.toContain('test_module-0.9.0-cmi5.zip');
    const entries = unzipSync(readFileSync(cmi5.path));
    const scormEntries = unzipSync(readFileSync(scorm12?.path ?? ''));
    expect(Object.keys(entries).sort()).toEqual(['assets/a.js', 'cmi5.xml', 'index.html']);
    const webFiles = (names: string[]) => names.filter((n) => !/\.(xml|xsd|dtd)$/.test(n)).sort();
    expect(webFiles(Object.keys(entries))).toEqual(webFiles(Object.keys(scormEntries)));
    expect(strFromU8(entries['cmi5.xml'] as Uint8Array)).toBe(writeCmi5CourseStructure(minimal));
  });

  it('marks the launch page cmi5 and lets it reach the LRS, and nothing else', () => {
    const cmi5 = packageCmi5Zip({ webDir: webBuild(), zipDir: temporaryDir(), identity, cmi5Script });
    const page = strFromU8(unzipSync(readFileSync(cmi5.path))['index.html'] as Uint8Array);
    expect(page).toContain('<html data-scorm-standard="cmi5" lang="en">');
    expect(page).toContain(CMI5_CONNECT_SRC);
    expect(page).not.toContain("connect-src 'none'");
    // Its own script runs first, and the policy admits exactly it beside the package's files.
    expect(page).toContain(`<script>${cmi5Script}</script>\n  <script>app()</script>`);
    expect(page).toContain(`script-src 'self' ${cspHash(cmi5Script)};`);
  });

  it('gives byte-identical zips for the same files', () => {
    const webDir = webBuild();
    const first = readFileSync(packageCmi5Zip({ webDir, zipDir: temporaryDir(), identity, cmi5Script }).path);
    const second = readFileSync(
      packageCmi5Zip({ webDir, zipDir: temporaryDir(), identity, cmi5Script }).path,
    );
    expect(first.equals(second)).toBe(true);
  });
});
