// The preview server in Node: the page, package files with their types, gzip, refusal of path traversal,
// and what it reads from the fixture packages' manifests and zips.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppAssets } from '../preview/build-preview-app';
import { findDistZips, loadPackageZips } from '../preview/load-package-zips';
import { openPackageZip, packageNameFromFile } from '../preview/open-package-zip';
import { readManifest } from '../preview/read-manifest';
import { decodeSegments, type RunningPreviewServer, startPreviewServer } from '../preview/server';
import {
  FIXTURE_SCORM12,
  FIXTURE_SCORM2004,
  fixturePackages,
  zipFixtureFolder,
} from './fixtures/packages/fixture-packages';

// A stand-in for the Vite-built page script: big enough to be gzipped, no build needed.
const APP_SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const app: AppAssets = new Map([
  ['preview-app.js', { contentType: 'text/javascript; charset=utf-8', body: strToU8(APP_SCRIPT) }],
]);

let server: RunningPreviewServer;

beforeAll(async () => {
  server = await startPreviewServer({ packages: fixturePackages(), app }, 0);
});

afterAll(async () => {
  await server?.close();
});

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** Sends the path exactly as written: no URL parser resolves "..", as a hostile client would not. */
function rawRequest(
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers, timeout: 5000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the preview page with the packages inline and a same-origin-only policy', async () => {
    const response = await rawRequest('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const html = response.body.toString('utf8');
    expect(html).toContain('<script type="module" src="/app/preview-app.js"></script>');
    expect(html).toContain(`"launchUrl":"/packages/${FIXTURE_SCORM12}/index.html"`);
    expect(html).toContain(`"launchUrl":"/packages/${FIXTURE_SCORM2004}/index.html"`);
  });

  it('serves package files with their content types', async () => {
    const page = await rawRequest(`/packages/${FIXTURE_SCORM2004}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString('utf8')).toContain('API_1484_11');
    const manifest = await rawRequest(`/packages/${FIXTURE_SCORM12}/imsmanifest.xml`);
    expect(manifest.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(manifest.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gzips text when the browser accepts it, and sends it plain otherwise', async () => {
    const zipped = await rawRequest('/app/preview-app.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(APP_SCRIPT);
    const plain = await rawRequest('/app/preview-app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(APP_SCRIPT);
  });

  it.each([
    `/packages/${FIXTURE_SCORM12}/../../package.json`,
    `/packages/${FIXTURE_SCORM12}/%2e%2e/%2e%2e/package.json`,
    `/packages/${FIXTURE_SCORM12}/..%2f..%2fpackage.json`,
    `/packages/${FIXTURE_SCORM12}/..%5c..%5cpackage.json`,
    '/packages/%2e%2e/preview/server.ts',
    '/app/../package.json',
    `/packages/${FIXTURE_SCORM12}//index.html`,
    `/packages/${FIXTURE_SCORM12}/%E0%A4%A`,
  ])('refuses %s with 400', async (path) => {
    const response = await rawRequest(path);
    expect(response.status).toBe(400);
    expect(response.body.toString('utf8')).not.toContain('"name"');
  });

  it('answers 404 for files and packages it does not have, and 405 for anything but GET and HEAD', async () => {
    expect((await rawRequest(`/packages/${FIXTURE_SCORM12}/missing.html`)).status).toBe(404);
    expect((await rawRequest('/packages/nope/index.html')).status).toBe(404);
    expect((await rawRequest('/package.json')).status).toBe(404);
    const post = await rawRequest('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await rawRequest(`/packages/${FIXTURE_SCORM12}/index.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.byteLength).toBe(0);
  });
});

describe('decodeSegments', () => {
  it('decodes each segment and drops one trailing slash', () => {
    expect(decodeSegments('/packages/a%20b/x.html')).toEqual(['packages', 'a b', 'x.html']);
    expect(decodeSegments('/')).toEqual([]);
    expect(decodeSegments('/packages/x/')).toEqual(['packages', 'x']);
  });
});

describe('readManifest', () => {
  it('reads the fixture 1.2 manifest: launch href, standard and masteryscore', () => {
    const [scorm12] = fixturePackages();
    expect(scorm12?.info).toEqual({
      identifier: 'fixture_scorm12_minimal',
      title: 'Fixture SCO (SCORM 1.2)',
      standard: 'scorm12',
      launchHref: 'index.html',
      masteryScore: '80',
      launchData: null,
      completionThreshold: null,
      warnings: [],
      name: FIXTURE_SCORM12,
      launchUrl: `/packages/${FIXTURE_SCORM12}/index.html`,
    });
  });

  it('reads the fixture 2004 manifest: 4th Edition and minNormalizedMeasure as the passing score', () => {
    const scorm2004 = fixturePackages()[1]?.info;
    expect(scorm2004).toMatchObject({
      standard: 'scorm2004-4th',
      launchHref: 'index.html',
      masteryScore: '0.8',
      warnings: [],
    });
  });

  const manifest2004 = (
    item: string,
    resources: string,
    version = '2004 3rd Edition',
  ): string => `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${version}</schemaversion></metadata>
  <organizations default="ORG-B">
    <organization identifier="ORG-A"><title>A</title><item identifier="A1" identifierref="RES-A"><title>A1</title></item></organization>
    <organization identifier="ORG-B"><title>Course B</title>${item}</organization>
  </organizations>
  <resources xml:base="content/">${resources}</resources>
</manifest>`;

  it('launches the default organisation’s first item with a resource, with xml:base and parameters applied', () => {
    const info = readManifest(
      manifest2004(
        `<item identifier="B0"><title>Folder</title><item identifier="B1" identifierref="RES-B" parameters="?page=2"><title>B1</title>
          <adlcp:dataFromLMS>chapter=2</adlcp:dataFromLMS><adlcp:completionThreshold>0.75</adlcp:completionThreshold></item></item>`,
        `<resource identifier="RES-A" type="webcontent" adlcp:scormType="sco" href="a.html"/>
         <resource identifier="RES-B" type="webcontent" adlcp:scormType="sco" xml:base="b/" href="start.html?lang=en"/>`,
      ),
    );
    expect(info).toMatchObject({
      standard: 'scorm2004-3rd',
      title: 'B1',
      launchHref: 'content/b/start.html?lang=en&page=2',
      launchData: 'chapter=2',
      completionThreshold: '0.75',
      masteryScore: null,
    });
  });

  it('gives no passing score when satisfiedByMeasure is false, and 1.0 when the measure is left out', () => {
    const withObjective = (attributes: string, inner: string): string | null =>
      readManifest(
        manifest2004(
          `<item identifier="B1" identifierref="RES-B"><title>B</title><imsss:sequencing><imsss:objectives>
            <imsss:primaryObjective objectiveID="P" ${attributes}>${inner}</imsss:primaryObjective>
           </imsss:objectives></imsss:sequencing></item>`,
          '<resource identifier="RES-B" type="webcontent" adlcp:scormType="sco" href="b.html"/>',
        ),
      ).masteryScore;
    expect(
      withObjective(
        'satisfiedByMeasure="false"',
        '<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>',
      ),
    ).toBeNull();
    expect(withObjective('satisfiedByMeasure="true"', '')).toBe('1.0');
  });

  it('reads a 4th Edition completion threshold from its attributes, only when completedByMeasure', () => {
    const threshold = (attributes: string): string | null =>
      readManifest(
        manifest2004(
          `<item identifier="B1" identifierref="RES-B"><title>B</title><adlcp:completionThreshold ${attributes}/></item>`,
          '<resource identifier="RES-B" type="webcontent" adlcp:scormType="sco" href="b.html"/>',
          '2004 4th Edition',
        ),
      ).completionThreshold;
    expect(threshold('completedByMeasure="true" minProgressMeasure="0.6"')).toBe('0.6');
    expect(threshold('minProgressMeasure="0.6"')).toBeNull();
  });

  it('warns about an unknown schemaversion and a launch resource that is not a SCO', () => {
    const info = readManifest(
      manifest2004(
        '<item identifier="B1" identifierref="RES-B"><title>B</title></item>',
        '<resource identifier="RES-B" type="webcontent" adlcp:scormType="asset" href="b.html"/>',
        '2004',
      ),
    );
    expect(info.standard).toBe('scorm2004-4th');
    expect(info.warnings).toHaveLength(2);
    expect(info.warnings[0]).toContain('schemaversion "2004"');
    expect(info.warnings[1]).toContain('"asset"');
  });

  it('refuses a manifest whose item names no resource, or that is not XML, saying which', () => {
    expect(() =>
      readManifest(manifest2004('<item identifier="B1" identifierref="NOPE"><title>B</title></item>', '')),
    ).toThrow('identifierref="NOPE" names no <resource>');
    expect(() => readManifest('<manifest><organizations>')).toThrow('not well-formed XML');
  });
});

describe('openPackageZip', () => {
  const manifest = (href: string): string =>
    `<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><metadata><schemaversion>1.2</schemaversion></metadata>
      <organizations><organization identifier="O"><item identifier="I" identifierref="R"><title>T</title></item></organization></organizations>
      <resources><resource identifier="R" type="webcontent" href="${href}"/></resources></manifest>`;

  it('refuses a zip whose imsmanifest.xml is inside a folder, as LMSs do', () => {
    const zip = zipSync({
      'course/imsmanifest.xml': strToU8(manifest('index.html')),
      'course/index.html': strToU8(''),
    });
    expect(() => openPackageZip('nested', zip)).toThrow(
      'nested: imsmanifest.xml is not at the root of the zip.',
    );
  });

  it('refuses a zip with an entry that climbs out of the package ("zip slip")', () => {
    const zip = zipSync({ 'imsmanifest.xml': strToU8(manifest('index.html')), '../evil.html': strToU8('') });
    expect(() => openPackageZip('slip', zip)).toThrow('unsafe path in zip: "../evil.html"');
  });

  it('says a cmi5 package is for a cmi5 LMS, not the preview, and where to read more', () => {
    const zip = zipSync({ 'cmi5.xml': strToU8('<courseStructure/>'), 'index.html': strToU8('') });
    expect(() => openPackageZip('course-cmi5', zip)).toThrow(
      /^course-cmi5: a cmi5 package \(cmi5\.xml, no imsmanifest\.xml\)\. The preview LMS plays SCORM packages.*README: "The cmi5 package"/,
    );
  });

  it('refuses a package whose launch file is missing', () => {
    const zip = zipSync({ 'imsmanifest.xml': strToU8(manifest('start.html?x=1')) });
    expect(() => openPackageZip('nolaunch', zip)).toThrow('launches "start.html", which is not in the zip');
  });

  it('names packages after their zip files, URL-safe', () => {
    expect(packageNameFromFile('/x/dist/gp_boundaries-1.0.0-scorm12.zip')).toBe(
      'gp_boundaries-1.0.0-scorm12',
    );
    expect(packageNameFromFile('C:\\My Course (v2).ZIP')).toBe('My-Course-v2');
  });
});

describe('finding the packages to preview', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'preview-dist-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says to build when dist/ is missing or holds no zip', async () => {
    await expect(findDistZips(join(dir, 'missing'))).rejects.toThrow(/does not exist.*npm run build/);
    await expect(findDistZips(dir)).rejects.toThrow(/holds no SCORM zip.*-scorm12\.zip/);
  });

  it("sets the build's cmi5 zip apart: the preview serves the SCORM zips beside it", async () => {
    const only = await mkdtemp(join(tmpdir(), 'preview-dist-cmi5-'));
    try {
      await writeFile(join(only, 'm-1.0.0-cmi5.zip'), zipSync({ 'cmi5.xml': strToU8('<courseStructure/>') }));
      await expect(findDistZips(only)).rejects.toThrow(/holds no SCORM zip/);
      await writeFile(join(only, 'm-1.0.0-scorm12.zip'), zipFixtureFolder('scorm12-minimal'));
      expect(await findDistZips(only)).toEqual({
        scorm: [join(only, 'm-1.0.0-scorm12.zip')],
        cmi5: [join(only, 'm-1.0.0-cmi5.zip')],
      });
    } finally {
      await rm(only, { recursive: true, force: true });
    }
  });

  it('opens every zip in dist/, SCORM 1.2 first, under names that stay unique', async () => {
    await writeFile(join(dir, 'a-scorm2004-4th.zip'), zipFixtureFolder('scorm2004-minimal'));
    await writeFile(join(dir, 'b-scorm12.zip'), zipFixtureFolder('scorm12-minimal'));
    const packages = await loadPackageZips([...(await findDistZips(dir)).scorm, join(dir, 'b-scorm12.zip')]);
    expect(packages.map((p) => [p.info.name, p.info.standard])).toEqual([
      ['b-scorm12', 'scorm12'],
      ['b-scorm12-2', 'scorm12'],
      ['a-scorm2004-4th', 'scorm2004-4th'],
    ]);
  });
});
