import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from './manifest-file-list.ts';
import { readXml } from './manifest-xml-reader.ts';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** The schema files a manifest's xsi:schemaLocation names (the second of each namespace/location pair). */
export function schemaLocationFiles(manifestXml: string): string[] {
  const root = readXml(manifestXml);
  const prefix = Object.entries(root.attributes).find(
    ([n, v]) => n.startsWith('xmlns:') && v === XSI_NAMESPACE,
  )?.[0];
  const value =
    prefix === undefined ? undefined : root.attributes[`${prefix.slice('xmlns:'.length)}:schemaLocation`];
  if (value === undefined) throw new Error('the manifest has no xsi:schemaLocation');
  const tokens = value.trim().split(/\s+/);
  if (tokens.length % 2 !== 0) throw new Error('xsi:schemaLocation must hold namespace/location pairs');
  return tokens.filter((_, i) => i % 2 === 1);
}

/**
 * The given schema files plus everything they pull in: xs:include / xs:import schemaLocation, and the DTDs
 * a DOCTYPE or parameter entity names (xml.xsd → XMLSchema.dtd → datatypes.dtd). Sorted by name.
 */
export function schemaClosure(directory: string, roots: readonly string[]): string[] {
  const found = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    const file = path.join(directory, name);
    if (!existsSync(file)) throw new Error(`schema file ${name} is referenced but not in ${directory}`);
    found.add(name);
    pending.push(...localReferences(readFileSync(file, 'utf8')));
  }
  return [...found].sort(compareCodePoints);
}

function localReferences(text: string): string[] {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const references: string[] = [];
  for (const m of withoutComments.matchAll(/\bschemaLocation\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    references.push(m[1] ?? m[2] ?? '');
  for (const declaration of withoutComments.matchAll(/<!(?:DOCTYPE|ENTITY)\b[^>]*>/g))
    for (const m of declaration[0].matchAll(
      /(?:PUBLIC\s+(?:"[^"]*"|'[^']*')\s+|SYSTEM\s+)(?:"([^"]*)"|'([^']*)')/g,
    ))
      references.push(m[1] ?? m[2] ?? '');
  // Remote locations (http://…) are left alone: a package must not depend on them.
  return references.filter((r) => r !== '' && !r.includes('://')).map((r) => path.posix.normalize(r));
}
