import { describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { scormSchemaDirectory, scormStandard } from '../plugins/scorm-standards';
import { schemaClosure, schemaLocationFiles } from '../plugins/xsd-closure';

const identity = readModuleIdentity(`${__dirname}/../imsmanifest.xml`);
const IMSSS = [
  '',
  'auxresource',
  'control',
  'delivery',
  'limit',
  'objective',
  'random',
  'rollup',
  'seqrule',
  'util',
];

describe('the schema files a package carries', () => {
  it('for SCORM 1.2: the three schemaLocation files and the ims_xml.xsd imscp imports', () => {
    const standard = scormStandard('scorm12');
    const named = schemaLocationFiles(standard.writeManifest(identity, ['index.html']));
    expect(named).toEqual(['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd']);
    expect(schemaClosure(scormSchemaDirectory(standard), named)).toEqual([
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
      'imscp_rootv1p1p2.xsd',
      'imsmd_rootv1p2p1.xsd',
    ]);
  });

  it.each(['scorm2004-3rd', 'scorm2004-4th'] as const)(
    'for %s: five schemaLocation files, the imsss includes, xml.xsd and the DTDs its DOCTYPE pulls in',
    (key) => {
      const standard = scormStandard(key);
      const named = schemaLocationFiles(standard.writeManifest(identity, ['index.html']));
      expect(named).toEqual([
        'imscp_v1p1.xsd',
        'adlcp_v1p3.xsd',
        'adlseq_v1p3.xsd',
        'adlnav_v1p3.xsd',
        'imsss_v1p0.xsd',
      ]);
      expect(schemaClosure(scormSchemaDirectory(standard), named)).toEqual(
        [
          'XMLSchema.dtd',
          'adlcp_v1p3.xsd',
          'adlnav_v1p3.xsd',
          'adlseq_v1p3.xsd',
          'datatypes.dtd',
          'imscp_v1p1.xsd',
          ...IMSSS.map((part) => `imsss_v1p0${part}.xsd`),
          'xml.xsd',
        ].sort(),
      );
    },
  );

  it('stops the build when a schema names a file that is not there', () => {
    expect(() => schemaClosure(scormSchemaDirectory(scormStandard('scorm12')), ['missing.xsd'])).toThrow(
      /missing\.xsd is referenced but not in/,
    );
  });
});
