/**
 * Reads a locale file (content/locale/<tag>.yaml: the interface's words) and compiles it into the small flat
 * object the app formats from (src/ui/format-message.ts). Checked against what the code shows
 * (src/ui/ui-messages.ts): every problem names the file, line and column and says how to fix it, in the same
 * shape as the scenario loader's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closest } from '../src/scenario/load/did-you-mean.ts';
import { parseYaml } from '../src/scenario/load/yaml-source.ts';
import type { CompiledLocale, CompiledMessage } from '../src/ui/format-message.ts';
import { UI_MESSAGES } from '../src/ui/ui-messages.ts';
import { DEFAULT_LOCALE } from './manifest-settings.ts';

export const LOCALE_DIR = 'content/locale';

/** Plural categories as CLDR lists them, the order a translator reads them in. */
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

export interface LocaleProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export type LocaleResult =
  | { readonly ok: true; readonly locale: CompiledLocale }
  | { readonly ok: false; readonly problems: readonly LocaleProblem[] };

/** What the code shows: message key → the values it passes, each a number or text. */
export type DeclaredMessages = Readonly<Record<string, Readonly<Record<string, 'number' | 'text'>>>>;

/** `content/locale/<tag>.yaml` under `root`, checked and compiled. */
export function readLocaleFile(root: string, tag: string): LocaleResult {
  const file = `${LOCALE_DIR}/${tag}.yaml`;
  const absolute = path.resolve(root, file);
  if (!existsSync(absolute)) {
    const dir = path.resolve(root, LOCALE_DIR);
    const found = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.yaml')) : [];
    const tags = found.map((name) => name.slice(0, -'.yaml'.length));
    return failed({
      file,
      line: 1,
      column: 1,
      code: 'missing-file',
      message: `imsmanifest.xml chooses the locale ${tag} (<gpb:locale>), but ${file} does not exist`,
      hint:
        `set <gpb:locale> to a locale that has a file (${tags.join(', ') || 'none found'}), or copy ` +
        `${LOCALE_DIR}/${DEFAULT_LOCALE}.yaml to ${tag}.yaml and translate every message`,
    });
  }
  return compileLocale(readFileSync(absolute, 'utf8'), { file, tag });
}

export interface CompileLocaleOptions {
  /** As problems name it, e.g. `content/locale/en-GB.yaml`. */
  readonly file: string;
  /** BCP 47 tag of the text. */
  readonly tag: string;
  /** Default: src/ui/ui-messages.ts. */
  readonly declared?: DeclaredMessages;
}

export function compileLocale(source: string, options: CompileLocaleOptions): LocaleResult {
  const { file, tag } = options;
  const declared: DeclaredMessages = options.declared ?? UI_MESSAGES;
  const parsed = parseYaml(source);
  const problems: LocaleProblem[] = [];
  // A problem with a whole message points at its key; one with a plural form or a text, at that.
  const report: Report = (at, code, message, hint) =>
    problems.push({ file, ...parsed.positionOf(at, at.length === 1 ? 'key' : 'value'), code, message, hint });
  for (const issue of parsed.issues) {
    if (issue.severity === 'warning') continue;
    const { line, column } = issue.at ?? parsed.positionOf(issue.path, issue.part);
    problems.push({ file, line, column, code: issue.code, message: issue.message, hint: issue.hint });
  }
  if (problems.length > 0) return failed(...problems);
  const data = parsed.data;
  if (!isRecord(data)) {
    report([], 'wrong-type', 'a locale file is a list of `key: message` lines', 'start from en-GB.yaml');
    return failed(...problems);
  }

  const categories = [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort(
    (a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b),
  );
  const messages: Record<string, CompiledMessage> = {};
  const missing = Object.keys(declared).filter((key) => !Object.hasOwn(data, key));
  for (const [key, value] of Object.entries(data)) {
    const values = declared[key];
    if (!values) {
      const meant = closest(key, missing);
      report(
        [key],
        'unused-message',
        `"${key}" is not a message the interface shows`,
        meant
          ? `did you mean "${meant}"? (that message is missing)`
          : 'remove it; a new message is first declared in src/ui/ui-messages.ts and used in the code',
      );
      continue;
    }
    const compiled = compileMessage(key, value, values, categories, report);
    if (compiled !== undefined) messages[key] = compiled;
  }
  const keys = Object.keys(data);
  for (const key of missing) {
    if (keys.some((k) => closest(k, [key]) === key && !declared[k])) continue; // reported as misspelt
    const before = Object.keys(declared)
      .slice(0, Object.keys(declared).indexOf(key))
      .reverse()
      .find((k) => keys.includes(k));
    report(
      before ? [before] : [],
      'missing-message',
      `the message "${key}" is missing: the interface shows it`,
      `add a line "${key}: …"${before ? ` after "${before}"` : ''}${givenNote(declared[key] ?? {})}`,
    );
  }
  if (problems.length > 0) return failed(...problems);
  return {
    ok: true,
    locale: { lang: tag, intl: tag, messages, smallNumbersAsDigits: smallNumbersAsDigits(tag) },
  };
}

/** True when `tag` writes every whole number from 0 to 999 as its ASCII digits (Node's Intl, as browsers'). */
function smallNumbersAsDigits(tag: string): boolean {
  const format = new Intl.NumberFormat(tag);
  return [0, 7, 42, 999, 123, 456, 810].every((n) => format.format(n) === String(n));
}

type Report = (at: readonly (string | number)[], code: string, message: string, hint: string) => void;

function compileMessage(
  key: string,
  value: unknown,
  values: Readonly<Record<string, 'number' | 'text'>>,
  categories: readonly string[],
  report: Report,
): CompiledMessage | undefined {
  if (typeof value === 'string') return checkedText(key, [key], value, values, report);
  if (!isRecord(value)) {
    report(
      [key],
      'wrong-type',
      `the message "${key}" is ${value === null ? 'empty' : `not text (${JSON.stringify(value)})`}`,
      'write the words after the colon; put them in quotes if they are a number or yes/no',
    );
    return undefined;
  }
  const { plural, ...forms } = value;
  const numbers = Object.keys(values).filter((name) => values[name] === 'number');
  if (typeof plural !== 'string' || values[plural] !== 'number') {
    report(
      [key],
      plural === undefined ? 'missing-plural' : 'plural-not-a-number',
      plural === undefined
        ? `the message "${key}" is a map with no "plural:" (a message that starts with "{" must be in quotes)`
        : `"${key}" chooses its plural by "${String(plural)}", which is not a number the code passes`,
      numbers.length > 0
        ? `quote the message, or name its number: "plural: ${numbers.join('" or "plural: ')}"`
        : `quote the message: "${key}" is given no number, so it has no plural forms`,
    );
    return undefined;
  }
  const compiled: Record<string, string> = {};
  let ok = true;
  for (const [category, form] of Object.entries(forms)) {
    if (!categories.includes(category)) {
      report(
        [key, category],
        'unknown-plural-category',
        `"${category}" is not a plural category of this locale`,
        `use the categories Intl.PluralRules gives it: ${categories.join(', ')}`,
      );
      ok = false;
      continue;
    }
    const text =
      typeof form === 'string' ? checkedText(key, [key, category], form, values, report) : undefined;
    if (text === undefined && typeof form !== 'string')
      report([key, category], 'wrong-type', `the "${category}" form of "${key}" is not text`, 'quote it');
    if (text === undefined) ok = false;
    else compiled[category] = text;
  }
  const absent = categories.filter((category) => !Object.hasOwn(forms, category));
  if (absent.length > 0) {
    report(
      [key, 'plural'],
      'missing-plural-category',
      `"${key}" has no ${absent.map((c) => `"${c}"`).join(' or ')} form`,
      `give every plural category this locale uses: ${categories.join(', ')}`,
    );
    ok = false;
  }
  return ok ? [plural, compiled] : undefined;
}

/** The text, if every {value} in it is one the code passes. */
function checkedText(
  key: string,
  at: readonly (string | number)[],
  text: string,
  values: Readonly<Record<string, 'number' | 'text'>>,
  report: Report,
): string | undefined {
  let ok = true;
  for (const [, name] of text.matchAll(/\{([^{}]*)\}/g)) {
    if (name !== undefined && Object.hasOwn(values, name)) continue;
    const meant = closest(name ?? '', Object.keys(values));
    report(
      at,
      'unknown-value',
      `"${key}" uses {${name}}, which the code does not pass; it passes ${listed(values) || 'none'}`,
      meant ? `did you mean {${meant}}?` : 'use only the values listed, or write the words out',
    );
    ok = false;
  }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) {
    report(
      at,
      'unknown-value',
      `"${key}" has a "{" or "}" that does not enclose a value`,
      'close it: {name}',
    );
    ok = false;
  }
  return ok ? text : undefined;
}

function listed(values: Readonly<Record<string, unknown>>): string {
  return Object.keys(values)
    .map((name) => `{${name}}`)
    .join(', ');
}

function givenNote(values: Readonly<Record<string, unknown>>): string {
  const names = listed(values);
  return names === '' ? '' : `; it is given ${names}`;
}

export function formatLocaleProblems(problems: readonly LocaleProblem[]): string {
  return [
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in the locale file (nothing was built):`,
    '',
    ...problems.map(
      (p) => `${p.file}:${p.line}:${p.column} error[${p.code}]: ${p.message}\n  hint: ${p.hint}`,
    ),
  ].join('\n');
}

function failed(...problems: LocaleProblem[]): LocaleResult {
  return { ok: false, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
