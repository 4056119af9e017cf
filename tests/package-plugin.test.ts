import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { listBuiltScormZips, packageScormZips } from '../plugins/package-scorm-zips';
import { scormPackagePlugin } from '../plugins/scorm-package-plugin';

const root = path.join(__dirname, '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', 'manifests', name);
const temporary: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scorm-plugin-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the scorm-package Vite plugin', () => {
  it('stops the build before bundling when the manifest is bad, naming its file, line and fix', async () => {
    const outDir = temporaryDir();
    const manifest = fixture('identifier-with-spaces.xml');
    await expect(
      build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: scormPackagePlugin({ manifest }),
        build: { outDir: path.join(outDir, 'web') },
      }),
    ).rejects.toThrow(`${manifest}:2: the manifest identifier "test module" contains spaces`);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('serves the identity to the app as virtual:module-identity', async () => {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: scormPackagePlugin({ manifest: fixture('valid-minimal.xml') }),
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
    });
    try {
      const loaded = await server.ssrLoadModule('virtual:module-identity');
      expect(loaded.default).toEqual(readModuleIdentity(fixture('valid-minimal.xml')));
      expect(loaded.default.provider).toBe('Smith & Jones Learning');
    } finally {
      await server.close();
    }
  });
});

describe('packageScormZips', () => {
  it('leaves exactly this build’s zips, removing packages of earlier versions and nothing else', () => {
    const webDir = temporaryDir();
    const zipDir = temporaryDir();
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="en"><title>t</title></html>');
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'assets', 'a.js'), 'export {};');
    writeFileSync(path.join(zipDir, 'test_module-0.9.0-scorm12.zip'), 'old');
    writeFileSync(path.join(zipDir, 'notes.zip'), 'not ours');
    const identity = readModuleIdentity(fixture('valid-minimal.xml'));

    const built = packageScormZips({ webDir, zipDir, identity });

    expect(readdirSync(zipDir).sort()).toEqual([
      'notes.zip',
      'test_module-2.3.4-scorm12.zip',
      'test_module-2.3.4-scorm2004-3rd.zip',
      'test_module-2.3.4-scorm2004-4th.zip',
    ]);
    expect(listBuiltScormZips(zipDir, identity)).toEqual(built);
    expect(built.every((zip) => zip.bytes > 0)).toBe(true);
  });
});
