/**
 * The module's optional settings in imsmanifest.xml's <metadata>, in our own namespace (gpb:*): each has a
 * default, so a manifest without it is valid. plugins/module-identity.ts reads them with the rest.
 */
import { childrenNamed, type XmlElement } from './manifest-xml-reader.ts';

/** Our own namespace, for what imscp has no element for; imscp's `##other` lax wildcard admits it. */
export const MODULE_NAMESPACE = 'urn:gp-boundaries:module';

/** The locale when the manifest names none. */
export const DEFAULT_LOCALE = 'en-GB';

export type Fail = (line: number, problem: string, fix: string) => never;

/** An optional gpb:<localName> in <metadata> holding one of `values`; `fallback` when the element is absent. */
export function readChoice<T extends string>(
  metadata: XmlElement,
  localName: string,
  values: readonly T[],
  fallback: T,
  what: string,
  fail: Fail,
): T {
  const element = onlyOptional(metadata, localName, fail);
  if (!element) return fallback;
  const value = normaliseSpace(element.text);
  const found = values.find((allowed) => allowed === value);
  if (found === undefined)
    return fail(
      element.line,
      `gpb:${localName} (${what}) is ${value === '' ? 'empty' : `"${value}"`}, not one of ${values.join(', ')}.`,
      `write one of ${values.map((v) => `<gpb:${localName}>${v}</gpb:${localName}>`).join(', ')}, or leave the element out for ${fallback}.`,
    );
  return found;
}

/**
 * gpb:locale: the BCP 47 tag of the language the learner reads (content/locale/<tag>.yaml, `<html lang>`),
 * en-GB when absent. Written as the standard writes it (en-GB, cy), since it also names the file.
 */
export function readLocale(metadata: XmlElement, fail: Fail): string {
  const element = onlyOptional(metadata, 'locale', fail);
  if (!element) return DEFAULT_LOCALE;
  const tag = normaliseSpace(element.text);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    // RangeError: not a language tag at all.
  }
  if (canonical === undefined)
    return fail(
      element.line,
      `gpb:locale ${tag === '' ? 'is empty' : `"${tag}" is not a language tag`}.`,
      `write a BCP 47 tag such as <gpb:locale>${DEFAULT_LOCALE}</gpb:locale> or <gpb:locale>cy</gpb:locale>, or leave the element out for ${DEFAULT_LOCALE}.`,
    );
  if (canonical !== tag)
    return fail(element.line, `gpb:locale "${tag}" is not written the standard way.`, `write ${canonical}.`);
  return tag;
}

function onlyOptional(metadata: XmlElement, localName: string, fail: Fail): XmlElement | undefined {
  const [element, second] = childrenNamed(metadata, MODULE_NAMESPACE, localName);
  if (second) fail(second.line, `<metadata> has more than one <gpb:${localName}>.`, 'keep one.');
  return element;
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
