import { describe, expect, it } from 'vitest';
import { orderPackageFiles } from '../plugins/manifest-file-list';
import { writeScorm12Manifest } from '../plugins/manifest-scorm12';
import {
  writeScorm2004FourthEditionManifest,
  writeScorm2004ThirdEditionManifest,
} from '../plugins/manifest-scorm2004';
import { readXml, type XmlElement } from '../plugins/manifest-xml-reader';
import { MODULE_NAMESPACE, type ModuleIdentity } from '../plugins/module-identity';
import { SCORM_STANDARDS } from '../plugins/scorm-standards';

const identity: ModuleIdentity = {
  id: 'test_module',
  title: `Tom & Jerry <say> "it's" fine`,
  description: 'A sentence.',
  provider: 'A provider',
  version: '2.3.4',
  passMark: 0.7,
  statusReporting: 'completed-incomplete',
  scorm2004ExitWhenFinished: 'normal',
  locale: 'en-GB',
};
const files = ['assets/z.js', 'media/a picture#1.svg', 'index.html', 'assets/a.css'];

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}
function find(root: XmlElement, localName: string): XmlElement[] {
  return descendants(root).filter((e) => e.localName === localName);
}

describe.each(SCORM_STANDARDS)('the $label manifest', (standard) => {
  const root = readXml(standard.writeManifest(identity, files));

  it('lists every file once as a relative, percent-encoded href, the launch page first', () => {
    const hrefs = find(root, 'file').map((f) => f.attributes.href);
    expect(hrefs).toEqual(['index.html', 'assets/a.css', 'assets/z.js', 'media/a%20picture%231.svg']);
    expect(find(root, 'resource')[0]?.attributes.href).toBe('index.html');
  });

  it("leaves out the module's own metadata (gpb:description, gpb:provider), which these schemas refuse", () => {
    expect(descendants(root).filter((e) => e.namespace === MODULE_NAMESPACE)).toEqual([]);
  });

  it('escapes the title and keeps it whole in the organization and the item', () => {
    expect(find(root, 'title').map((t) => t.text)).toEqual([identity.title, identity.title]);
  });

  it('uses identifiers without spaces, each one once, that the organizations and item refer to', () => {
    const ids = descendants(root)
      .concat(root)
      .flatMap((e) => (e.attributes.identifier === undefined ? [] : [e.attributes.identifier]));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    expect(root.attributes).toMatchObject({ identifier: 'test_module', version: '2.3.4' });
    const [organizations] = find(root, 'organizations');
    const [organization] = find(root, 'organization');
    const [item] = find(root, 'item');
    const [resource] = find(root, 'resource');
    expect(organizations?.attributes.default).toBe(organization?.attributes.identifier);
    expect(item?.attributes.identifierref).toBe(resource?.attributes.identifier);
  });
});

describe('the SCORM 1.2 manifest', () => {
  const root = readXml(writeScorm12Manifest(identity, files));

  it('declares schemaversion 1.2 and a sco with the lowercase scormtype attribute', () => {
    expect(find(root, 'schemaversion')[0]?.text).toBe('1.2');
    expect(find(root, 'resource')[0]?.attributes).toMatchObject({
      'adlcp:scormtype': 'sco',
      type: 'webcontent',
    });
  });

  it.each([
    [0.7, '70'],
    [0.07, '7'],
    [0.855, '85.5'],
    [1, '100'],
  ])('writes pass mark %d as masteryscore %s (0–100)', (passMark, mastery) => {
    const manifest = readXml(writeScorm12Manifest({ ...identity, passMark }, files));
    expect(find(manifest, 'masteryscore')[0]?.text).toBe(mastery);
  });
});

describe.each([
  ['3rd', writeScorm2004ThirdEditionManifest],
  ['4th', writeScorm2004FourthEditionManifest],
] as const)('the SCORM 2004 %s Edition manifest', (edition, write) => {
  const root = readXml(write(identity, files));

  it(`declares schemaversion "2004 ${edition} Edition" and a sco with the capital-T scormType`, () => {
    expect(find(root, 'schemaversion')[0]?.text).toBe(`2004 ${edition} Edition`);
    expect(find(root, 'resource')[0]?.attributes).toMatchObject({ 'adlcp:scormType': 'sco' });
  });

  it('sets the pass mark as the primary objective measure, satisfied by measure', () => {
    const [primary] = find(root, 'primaryObjective');
    expect(primary?.attributes).toEqual({ objectiveID: 'PRIMARY_OBJ', satisfiedByMeasure: 'true' });
    expect(primary?.children.map((c) => [c.localName, c.text])).toEqual([['minNormalizedMeasure', '0.7']]);
  });

  it('lets the content set completion and success (SAP KBA 3403728), after the objectives as imsss demands', () => {
    const [sequencing] = find(root, 'sequencing');
    expect(sequencing?.children.map((c) => c.localName)).toEqual(['objectives', 'deliveryControls']);
    expect(sequencing?.children[1]?.attributes).toEqual({
      completionSetByContent: 'true',
      objectiveSetByContent: 'true',
    });
  });
});

describe('package file lists', () => {
  it.each([
    ['an absolute path', ['index.html', '/assets/a.js'], /not a relative path/],
    ['a URL', ['index.html', 'https://cdn.example/a.js'], /not a relative path/],
    ['a Windows separator', ['index.html', 'assets\\a.js'], /not a relative path/],
    ['a ".." segment', ['index.html', 'assets/../a.js'], /"\.\." segment/],
    ['a file listed twice', ['index.html', 'a.js', 'a.js'], /listed twice/],
    ['no launch page', ['main.html'], /no index\.html/],
  ])('refuses %s', (_what, list, message) => {
    expect(() => orderPackageFiles(list)).toThrow(message);
  });

  it('refuses a title holding a character XML 1.0 cannot carry', () => {
    expect(() => writeScorm12Manifest({ ...identity, title: 'bell \u0007' }, files)).toThrow(/U\+0007/);
  });
});
