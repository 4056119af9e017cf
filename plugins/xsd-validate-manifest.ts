import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { type ScormStandard, scormSchemaDirectory, scormStandard } from './scorm-standards.ts';

export interface ManifestValidation {
  readonly valid: boolean;
  /** xmllint's messages, "file:line: …", parser warnings left out. */
  readonly errors: readonly string[];
}

// xmllint-wasm (libxml2 2.13) refuses to compile the SCORM 1.2 metadata schema ("content model is not
// determinist"), so it is not loaded; a manifest with inline imsmd elements would then fail the strict
// wildcard, which our manifests never have (scorm-notes §4).
const UNCOMPILABLE = new Set(['imsmd_rootv1p2p1.xsd']);

/**
 * Validates a manifest with xmllint-wasm against a wrapper schema that imports every namespace the standard
 * uses (tests/schemas/*-all.xsd), with the standard's ADL/IMS schema files loaded beside it.
 */
export async function validateManifest(
  manifestXml: string,
  standard: ScormStandard,
  wrapperXsdFile: string,
): Promise<ManifestValidation> {
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifestXml }],
    schema: [{ fileName: path.basename(wrapperXsdFile), contents: readFileSync(wrapperXsdFile, 'utf8') }],
    preload: schemaFilesFor(standard),
  });
  const errors = result.errors.map((e) => e.rawMessage).filter((m) => !m.includes('parser warning'));
  return { valid: result.valid, errors };
}

function schemaFilesFor(standard: ScormStandard): XMLFileInfo[] {
  const files = folderFiles(scormSchemaDirectory(standard)).filter((f) => !UNCOMPILABLE.has(f.fileName));
  if (standard.key !== 'scorm12') return files;
  // The 1.2 wrapper imports W3C xml.xsd instead of ADL's ims_xml.xsd, which libxml2 rejects; the 2004
  // folder has it, with the DTDs its DOCTYPE names.
  const w3c = folderFiles(scormSchemaDirectory(scormStandard('scorm2004-4th'))).filter((f) =>
    ['xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd'].includes(f.fileName),
  );
  return [...files, ...w3c];
}

function folderFiles(directory: string): XMLFileInfo[] {
  return readdirSync(directory)
    .filter((f) => /\.(xsd|dtd)$/.test(f))
    .sort()
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(directory, fileName), 'utf8') }));
}
