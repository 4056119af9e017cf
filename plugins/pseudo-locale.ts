/**
 * The pseudo-locale: the module's own en-GB words made visibly foreign and longer, so a test (and an author's
 * eye) sees at once any text that does not come from the locale file or the scenario, and any layout that
 * breaks when a translation runs long. "Start" becomes "[Ŝţàŕţ !]": every letter accented, about 40 % longer,
 * bracketed; {values} and HTML tags and entities are kept as they are. Built with `vite build --mode pseudo`
 * (or `vite --mode pseudo`); never a locale a package ships in.
 */
import type { Scenario } from '../src/scenario/model.ts';
import type { CompiledLocale, CompiledMessage } from '../src/ui/format-message.ts';

export const PSEUDO_MODE = 'pseudo';
/** The BCP 47 private-use tag Windows and ICU give the accented pseudo-locale. */
export const PSEUDO_TAG = 'qps-ploc';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'àƀçðéƒĝĥîĵķļɱñóþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÓÞǪŔŜŢÛṼŴẊÝŽ';
/** Kept as written: a {value} the formatter fills in, and an HTML entity. */
const KEPT = /(\{\w+\}|&#?\w+;)/;

/** "Start" → "[Ŝţàŕţ !]"; whitespace around the text stays outside the brackets, as the layout had it. */
export function pseudoText(text: string): string {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (core === '') return text;
  const accented = core
    .split(KEPT)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map(accent).join('')))
    .join('');
  // The brackets and the space count towards the 40 %; the rest is "!" in short words, so lines still wrap.
  const fill = Math.max(1, Math.ceil(core.length * 0.4) - 3);
  const padding = '!'.repeat(fill).replace(/!{6}(?=!)/g, '$& ');
  return `${before}[${accented} ${padding}]${after}`;
}

function accent(char: string): string {
  const at = PLAIN.indexOf(char);
  return at === -1 ? char : (ACCENTED[at] ?? char);
}

/** Each run of text between tags, as the browser will hold it in one text node. */
export function pseudoHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : pseudoText(part)))
    .join('');
}

export function pseudoLocale(base: CompiledLocale): CompiledLocale {
  const messages: Record<string, CompiledMessage> = {};
  for (const [key, message] of Object.entries(base.messages)) {
    messages[key] =
      typeof message === 'string'
        ? pseudoText(message)
        : [message[0], Object.fromEntries(Object.entries(message[1]).map(([c, t]) => [c, pseudoText(t)]))];
  }
  return { ...base, lang: PSEUDO_TAG, messages };
}

// What a learner reads of a scenario, by field name; ids, targets, classes, paths and numbers are left alone.
// The trainer's and the LMS's text (summary, rationale) stays as written.
const PLAIN_FIELDS = new Set([
  'title',
  'label',
  'text',
  'description',
  'publisher',
  'prompt',
  'short',
  'illustrationAlt',
]);
const HTML_FIELDS = new Set(['body', 'consequence', 'why', 'debrief', 'html']);

export function pseudoScenario(scenario: Scenario): Scenario {
  return pseudoFields(scenario) as Scenario;
}

function pseudoFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pseudoFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (typeof field !== 'string') return [key, pseudoFields(field)];
      if (PLAIN_FIELDS.has(key)) return [key, pseudoText(field)];
      return [key, HTML_FIELDS.has(key) ? pseudoHtml(field) : field];
    }),
  );
}

/** The scenario as the learner reads it in a build of Vite `mode`: pseudo-localised in the pseudo mode. */
export function learnerScenario(scenario: Scenario, mode: string): Scenario {
  return mode === PSEUDO_MODE ? pseudoScenario(scenario) : scenario;
}

/** The scenarios as the learner reads them in a build of Vite `mode`: pseudo-localised in the pseudo mode. */
export function learnerScenarios<T extends Readonly<Record<string, Scenario>>>(
  scenarios: T,
  mode: string,
): T {
  if (mode !== PSEUDO_MODE) return scenarios;
  return Object.fromEntries(Object.entries(scenarios).map(([id, s]) => [id, learnerScenario(s, mode)])) as T;
}

/** The module's title, description and provider (imsmanifest.xml) as the learner reads them in `mode`. */
export function learnerIdentity<T extends { title: string; description: string; provider: string }>(
  identity: T,
  mode: string,
): T {
  if (mode !== PSEUDO_MODE) return identity;
  const { title, description, provider } = identity;
  return {
    ...identity,
    title: pseudoText(title),
    description: pseudoText(description),
    provider: pseudoText(provider),
  };
}
