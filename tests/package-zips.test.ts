import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Unzipped, unzipSync } from 'fflate';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHash } from '../plugins/csp-hash';
import { readModuleIdentity } from '../plugins/module-identity';
import { CMI5_CONNECT_SRC, cmi5ZipFileName } from '../plugins/package-cmi5-zip';
import { listWebFiles, packageScormZips, scormZipFileName } from '../plugins/package-scorm-zips';
import { SCORM_STANDARDS, type ScormStandard } from '../plugins/scorm-standards';
import { validateManifest } from '../plugins/xsd-validate-manifest';

// One real `vite build` with the project's config for the whole file, into a temporary folder so it never
// races another test or a developer's dist/.
const root = path.join(__dirname, '..');
const identity = readModuleIdentity(path.join(root, 'imsmanifest.xml'));
const MANIFEST = 'imsmanifest.xml';
let outDir = '';
let webDir = '';
const zips = new Map<ScormStandard['key'], Unzipped>();

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'scorm-zips-'));
  webDir = path.join(outDir, 'web');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: webDir },
  });
  for (const standard of SCORM_STANDARDS)
    zips.set(
      standard.key,
      unzipSync(readFileSync(path.join(outDir, scormZipFileName(identity, standard.key)))),
    );
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function zipOf(standard: ScormStandard): Unzipped {
  const zip = zips.get(standard.key);
  if (!zip) throw new Error(`no zip for ${standard.key}`);
  return zip;
}
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function listedHrefs(manifest: string): string[] {
  return [...manifest.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => decodeURIComponent(m[1] ?? ''));
}

function schemaLocationNames(manifest: string): string[] {
  const value = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1] ?? '';
  return value.split(/\s+/).filter((_, i) => i % 2 === 1);
}

/** Local files a schema or DTD pulls in: xs:include/xs:import schemaLocation and DOCTYPE/ENTITY system ids. */
function schemaReferences(source: string): string[] {
  const refs = [...source.matchAll(/schemaLocation\s*=\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  for (const m of source.matchAll(/<!(?:DOCTYPE|ENTITY)[^>]*?["']([^"'\s]+\.dtd)["']\s*>/g))
    refs.push(m[1] ?? '');
  return refs.filter((r) => !r.includes('://'));
}

const isSchemaFile = (name: string) => /\.(xsd|dtd)$/.test(name) && !name.includes('/');

// A src/href/url()/import/fetch that leaves the package: absolute http(s) or protocol-relative //.
const EXTERNAL_REFERENCES = [
  /\b(?:src|href|srcset|action|poster)\s*[=:]\s*["'`]?\s*(?:https?:)?\/\//i,
  /\burl\(\s*["']?\s*(?:https?:)?\/\//i,
  /@import\s+(?:url\(\s*)?["']?\s*(?:https?:)?\/\//i,
  /\bimport\s*\(?\s*["'`]\s*(?:https?:)?\/\//,
  /\bfrom\s*["'`]\s*(?:https?:)?\/\//,
  /\bfetch\(\s*["'`]\s*(?:https?:)?\/\//,
];
const externalReference = (source: string) =>
  EXTERNAL_REFERENCES.map((re) => re.exec(source)?.[0]).find(Boolean);

describe('the external-reference check', () => {
  it.each([
    '<script src="https://cdn.example/a.js"></script>',
    '<link rel="stylesheet" href="//fonts.example/a.css">',
    'body{background:url( "https://x.example/a.png")}',
    '@import "//x.example/a.css";',
    'import("https://x.example/m.js")',
    'import{a}from"https://x.example/m.js"',
    'fetch(`https://api.example/`)',
    'h("img",{src:"https://x.example/a.png"})',
    '<use xlink:href="https://x.example/s.svg#a"/>',
  ])('flags %s', (source) => {
    expect(externalReference(source)).toBeDefined();
  });

  it.each([
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
    '<a href="./page.html">',
    'const svgNs="http://www.w3.org/2000/svg";',
    'url(./assets/a.woff2)',
  ])('lets %s through', (source) => {
    expect(externalReference(source)).toBeUndefined();
  });
});

describe('the built SCORM zips', () => {
  it('are the three files <module-id>-<version>-<standard>.zip, beside the cmi5 zip', () => {
    expect(readdirSync(outDir).filter((f) => f.endsWith('.zip'))).toEqual([
      'gp_professional_boundaries-1.1.0-cmi5.zip',
      'gp_professional_boundaries-1.1.0-scorm12.zip',
      'gp_professional_boundaries-1.1.0-scorm2004-3rd.zip',
      'gp_professional_boundaries-1.1.0-scorm2004-4th.zip',
    ]);
  });

  it('carry the same web files, byte for byte as the web build wrote them, but for their standard on <html>', () => {
    const built = listWebFiles(webDir);
    expect(built).toContain('index.html');
    for (const standard of SCORM_STANDARDS) {
      const zip = zipOf(standard);
      const webEntries = Object.keys(zip)
        .filter((name) => name !== MANIFEST && !isSchemaFile(name))
        .sort();
      expect(webEntries, standard.key).toEqual(built);
      // Buffer.equals, not toEqual: a deep comparison element by element takes seconds on the script bundle.
      const differing = built
        .filter((name) => name !== 'index.html')
        .filter((file) => !Buffer.from(zip[file] ?? []).equals(readFileSync(path.join(webDir, file))));
      expect(differing, standard.key).toEqual([]);
      // The one difference: the launch page names the API its package looks for (find-lms-api.ts).
      const page = readFileSync(path.join(webDir, 'index.html'), 'utf8');
      const api = standard.key === 'scorm12' ? 'scorm12' : 'scorm2004';
      // On <html> only: the inlined app script names the attribute it reads (plugins/inline-app-script.ts).
      expect(/<html[^>]*>/.exec(page)?.[0]).not.toContain('data-scorm-standard');
      expect(text(zip['index.html']), standard.key).toBe(
        page.replace('<html ', `<html data-scorm-standard="${api}" `),
      );
    }
  });

  it('share their web files with the cmi5 zip, whose launch page names cmi5 and may reach the LRS', () => {
    const cmi5 = unzipSync(readFileSync(path.join(outDir, cmi5ZipFileName(identity))));
    const built = listWebFiles(webDir);
    expect(Object.keys(cmi5).sort()).toEqual(['cmi5.xml', ...built].sort());
    for (const file of built.filter((name) => name !== 'index.html'))
      expect(cmi5[file], file).toEqual(new Uint8Array(readFileSync(path.join(webDir, file))));
    const page = readFileSync(path.join(webDir, 'index.html'), 'utf8');
    // One more difference: the cmi5 script inlined ahead of the app's, admitted by its hash.
    const cmi5Page = text(cmi5['index.html']);
    const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>\s*/g)];
    const [cmi5Script, appScript] = inlineScripts(cmi5Page).slice(-2);
    expect(appScript?.[1]).toBe(inlineScripts(page).at(-1)?.[1]);
    const hash = cspHash(cmi5Script?.[1] ?? '');
    expect(cmi5Page).toContain(`script-src 'self' ${hash} `);
    expect(cmi5Page.replace(cmi5Script?.[0] ?? '', '').replace(` ${hash}`, '')).toBe(
      page
        .replace('<html ', '<html data-scorm-standard="cmi5" ')
        .replace("connect-src 'none'", CMI5_CONNECT_SRC),
    );
  });

  it('keep the cmi5 code out of the SCORM launch page: only the cmi5 package loads it', () => {
    const cmi5Page = text(
      unzipSync(readFileSync(path.join(outDir, cmi5ZipFileName(identity))))['index.html'],
    );
    const scormPage = readFileSync(path.join(webDir, 'index.html'), 'utf8');
    // Words only the cmi5 session's code holds: the state it reads first and its context's session extension.
    for (const cmi5Only of ['LMS.LaunchData', 'https://w3id.org/xapi/cmi5/context/extensions/sessionid']) {
      expect(cmi5Page).toContain(cmi5Only);
      expect(scormPage).not.toContain(cmi5Only);
    }
  });

  it('carry nothing of the live preview (npm run dev): no Vite client, no bridge to the preview page', () => {
    for (const file of listWebFiles(webDir).filter((name) => /\.(html|js|css)$/.test(name))) {
      const source = readFileSync(path.join(webDir, file), 'utf8');
      for (const devOnly of ['live-preview', '/@vite/client', '/@fs/', 'import.meta.hot'])
        expect(source.includes(devOnly), `${file} holds ${devOnly}`).toBe(false);
    }
  });

  it('keep every entry at a relative path inside the package', () => {
    for (const standard of SCORM_STANDARDS)
      for (const name of Object.keys(zipOf(standard))) {
        expect(name).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)|^[A-Za-z][A-Za-z0-9+.-]*:/);
      }
  });

  it('are byte-identical when packaged again from the same build', () => {
    const again = mkdtempSync(path.join(tmpdir(), 'scorm-zips-again-'));
    try {
      for (const zip of packageScormZips({ webDir, zipDir: again, identity }))
        expect(readFileSync(zip.path), zip.fileName).toEqual(readFileSync(path.join(outDir, zip.fileName)));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('reference nothing outside the package from HTML, JS, CSS or SVG', () => {
    const scanned: string[] = [];
    for (const [name, bytes] of Object.entries(zipOf(SCORM_STANDARDS[0] as ScormStandard))) {
      if (!/\.(html?|m?js|css|svg)$/.test(name)) continue;
      scanned.push(name);
      expect(externalReference(text(bytes)), name).toBeUndefined();
    }
    // The stylesheet and the app's script are inlined in the launch page (plugins/inline-stylesheet.ts,
    // plugins/inline-app-script.ts), so the launch page is what carries the code.
    const launchPage = text(zipOf(SCORM_STANDARDS[0] as ScormStandard)['index.html'] ?? new Uint8Array());
    expect(scanned).toContain('index.html');
    expect(launchPage).toMatch(/<style>[\s\S]{1000,}<\/style>/);
    expect(launchPage).toMatch(/<script>[\s\S]{10000,}<\/script>/);
  });
});

describe.each(SCORM_STANDARDS)('the $label zip', (standard) => {
  it('has imsmanifest.xml at its root', () => {
    expect(Object.keys(zipOf(standard))[0]).toBe(MANIFEST);
  });

  it('lists every web file in <file href> once, launch page first, and lists nothing it lacks', () => {
    const zip = zipOf(standard);
    const hrefs = listedHrefs(text(zip[MANIFEST]));
    expect(hrefs[0]).toBe('index.html');
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const href of hrefs) expect(zip[href], href).toBeDefined();
    const packaged = Object.keys(zip).filter((name) => name !== MANIFEST && !isSchemaFile(name));
    expect([...hrefs].sort()).toEqual(packaged.sort());
  });

  it('holds, at its root, the schemas schemaLocation names and every file they include or import', () => {
    const zip = zipOf(standard);
    const named = schemaLocationNames(text(zip[MANIFEST]));
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const name of named) expect(zip[name], name).toBeDefined();
    for (const name of Object.keys(zip).filter(isSchemaFile))
      for (const ref of schemaReferences(text(zip[name])))
        expect(zip[ref], `${ref}, named by ${name}`).toBeDefined();
  });

  it('carries a manifest that validates against those schemas', async () => {
    const wrapper = path.join(
      __dirname,
      'schemas',
      standard.key === 'scorm12' ? 'scorm12-all.xsd' : 'scorm2004-all.xsd',
    );
    const result = await validateManifest(text(zipOf(standard)[MANIFEST]), standard, wrapper);
    expect(result.errors).toEqual([]);
  });
});
