// Reads what an LMS needs from imsmanifest.xml to launch the first SCO: which file, which standard, which pass
// mark. Element names are matched by local name only, so a package with a slightly wrong namespace still
// previews; the package tests validate namespaces against the schemas.
import { readXml, type XmlElement } from '../plugins/manifest-xml-reader.ts';
import { isScorm12, type ManifestInfo, type PreviewStandard } from './package-info.ts';

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const SCORM12_CP_NAMESPACE = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';

export function readManifest(xml: string): ManifestInfo {
  let root: XmlElement;
  try {
    root = readXml(xml);
  } catch (error) {
    throw new ManifestError(`imsmanifest.xml is not well-formed XML: ${(error as Error).message}`);
  }
  if (root.localName !== 'manifest')
    throw new ManifestError('imsmanifest.xml: the root element is not <manifest>.');
  const warnings: string[] = [];
  const standard = standardOf(root, warnings);
  const item = firstLaunchableItem(root);
  const identifierref = item.attributes.identifierref ?? '';
  const resources = child(root, 'resources');
  const resource = resources
    ? children(resources, 'resource').find((r) => r.attributes.identifier === identifierref)
    : undefined;
  if (!resources || !resource) {
    throw new ManifestError(`imsmanifest.xml: item identifierref="${identifierref}" names no <resource>.`);
  }
  const href = resource.attributes.href;
  if (!href)
    throw new ManifestError(`imsmanifest.xml: <resource identifier="${identifierref}"> has no href.`);
  const scormType = attributeByLocalName(resource, isScorm12(standard) ? 'scormtype' : 'scormType');
  if (scormType !== 'sco')
    warnings.push(`The first item launches a resource whose scorm type is "${scormType ?? ''}", not "sco".`);
  const base = [root, resources, resource].map((e) => e.attributes['xml:base'] ?? '').join('');
  return {
    identifier: root.attributes.identifier ?? '',
    title: titleOf(root, item),
    standard,
    launchHref: withParameters(base + href, item.attributes.parameters ?? ''),
    masteryScore: isScorm12(standard) ? scorm12MasteryScore(item, warnings) : scorm2004PassingScore(item),
    launchData: textOf(child(item, isScorm12(standard) ? 'datafromlms' : 'dataFromLMS')),
    completionThreshold: isScorm12(standard) ? null : completionThreshold(item, standard),
    warnings,
  };
}

// CAM: <metadata><schemaversion> names the edition: "1.2", "CAM 1.3" (2004 2nd), "2004 3rd Edition", "2004 4th Edition".
function standardOf(root: XmlElement, warnings: string[]): PreviewStandard {
  const version = textOf(child(child(root, 'metadata'), 'schemaversion'));
  switch (version) {
    case '1.2':
      return 'scorm12';
    case 'CAM 1.3':
      return 'scorm2004-2nd';
    case '2004 3rd Edition':
      return 'scorm2004-3rd';
    case '2004 4th Edition':
      return 'scorm2004-4th';
  }
  const guess: PreviewStandard = root.namespace === SCORM12_CP_NAMESPACE ? 'scorm12' : 'scorm2004-4th';
  warnings.push(
    `imsmanifest.xml: schemaversion "${version ?? ''}" is not one SCORM defines; previewing as ${guess} from the namespace.`,
  );
  return guess;
}

function firstLaunchableItem(root: XmlElement): XmlElement {
  const organizations = child(root, 'organizations');
  const all = organizations ? children(organizations, 'organization') : [];
  const wanted = organizations?.attributes.default;
  const organization = all.find((o) => o.attributes.identifier === wanted) ?? all[0];
  if (!organization)
    throw new ManifestError('imsmanifest.xml: no <organization>, so there is nothing to launch.');
  const item = firstItemWithResource(organization);
  if (!item)
    throw new ManifestError(
      'imsmanifest.xml: no <item> with an identifierref, so there is nothing to launch.',
    );
  return item;
}

function firstItemWithResource(parent: XmlElement): XmlElement | undefined {
  for (const item of children(parent, 'item')) {
    if (item.attributes.identifierref) return item;
    const nested = firstItemWithResource(item);
    if (nested) return nested;
  }
  return undefined;
}

function titleOf(root: XmlElement, item: XmlElement): string {
  const organization = children(child(root, 'organizations'), 'organization')[0];
  return (
    textOf(child(item, 'title')) ??
    textOf(child(organization, 'title')) ??
    root.attributes.identifier ??
    'Untitled'
  );
}

// IMS CP 1.1.4 §2.2.2 (item parameters): "?" or "#" prefixed values append, and a second "?" becomes "&".
function withParameters(href: string, parameters: string): string {
  if (!parameters) return href;
  if (parameters.startsWith('?') && href.includes('?')) return `${href}&${parameters.slice(1)}`;
  if (parameters.startsWith('?') || parameters.startsWith('#')) return href + parameters;
  return `${href}${href.includes('?') ? '&' : '?'}${parameters}`;
}

function scorm12MasteryScore(item: XmlElement, warnings: string[]): string | null {
  const score = textOf(child(item, 'masteryscore'));
  if (score === null) return null;
  const value = Number(score);
  if (!/^\d+(\.\d+)?$/.test(score) || value > 100) {
    warnings.push(`adlcp:masteryscore "${score}" is not a number from 0 to 100; the preview ignores it.`);
    return null;
  }
  return score;
}

// SCORM 2004 RTE 4.2.18: cmi.scaled_passing_score comes from the primary objective's minNormalizedMeasure,
// only when satisfiedByMeasure is true; IMS SS gives minNormalizedMeasure a default of 1.0.
function scorm2004PassingScore(item: XmlElement): string | null {
  const primary = child(child(child(item, 'sequencing'), 'objectives'), 'primaryObjective');
  if (primary?.attributes.satisfiedByMeasure !== 'true') return null;
  return textOf(child(primary, 'minNormalizedMeasure')) ?? '1.0';
}

// 3rd Ed: <adlcp:completionThreshold>0.8</…>. 4th Ed: attributes completedByMeasure + minProgressMeasure (default 1.0).
function completionThreshold(item: XmlElement, standard: PreviewStandard): string | null {
  const element = child(item, 'completionThreshold');
  if (!element) return null;
  if (standard !== 'scorm2004-4th') return textOf(element);
  if (element.attributes.completedByMeasure !== 'true') return null;
  return element.attributes.minProgressMeasure ?? '1.0';
}

function children(parent: XmlElement | undefined, localName: string): XmlElement[] {
  return parent ? parent.children.filter((c) => c.localName === localName) : [];
}

function child(parent: XmlElement | undefined, localName: string): XmlElement | undefined {
  return children(parent, localName)[0];
}

function textOf(element: XmlElement | undefined): string | null {
  const text = element?.text.trim();
  return text ? text : null;
}

function attributeByLocalName(element: XmlElement, localName: string): string | undefined {
  const entry = Object.entries(element.attributes).find(([name]) => name.split(':').pop() === localName);
  return entry?.[1];
}
