import { didYouMean } from './did-you-mean.ts';

/**
 * `{{name}}` in a scenario's text or a content page stands for one of the module's own values, so prose
 * never states a number that a later edit makes stale ("three stages", "a pass mark of 70 %"). The set is
 * small and fixed; an unknown name, or `{{` left open, is an error at its line.
 */
export const PLACEHOLDERS = {
  title: "the module's title (imsmanifest.xml)",
  version: "the module's version (imsmanifest.xml)",
  stageCount: 'how many numbered stages the scenario has',
  passMark: 'the pass mark as a percentage, e.g. 75 %',
  minutes: 'the estimated time in minutes, reflection included',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Partial<Readonly<Record<PlaceholderName, string>>>;

const NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];
/** `{{ name }}` (spaces allowed inside the braces), or a `{{` that never closes on its line. */
const TOKEN = /\{\{[ \t]*([^{}\n]*?)[ \t]*\}\}|\{\{/g;

export interface PlaceholderProblem {
  /** Offset of the token in the text. */
  readonly index: number;
  /** The token as written, e.g. `{{stagecount}}`. */
  readonly token: string;
  readonly code: 'unknown-placeholder' | 'placeholder-without-value';
  readonly message: string;
  readonly hint: string;
}

function isName(name: string): name is PlaceholderName {
  return (NAMES as readonly string[]).includes(name);
}

/** Every placeholder in `text` that cannot be filled: an unknown name, an open `{{`, or a value not given. */
export function placeholderProblems(text: string, values: PlaceholderValues): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [token, name] = match;
    const index = match.index;
    if (name === undefined) {
      problems.push({
        index,
        token,
        code: 'unknown-placeholder',
        message: '"{{" is not closed with "}}" on the same line',
        hint: `write a placeholder as {{name}}, one of: ${NAMES.join(', ')}`,
      });
    } else if (!isName(name)) {
      problems.push({
        index,
        token,
        code: 'unknown-placeholder',
        message: `unknown placeholder ${token}`,
        hint: didYouMean(name, NAMES, `use one of: ${NAMES.map((n) => `{{${n}}}`).join(', ')}`),
      });
    } else if (values[name] === undefined) {
      problems.push({
        index,
        token,
        code: 'placeholder-without-value',
        message: `${token} has no value here: it is ${PLACEHOLDERS[name]}`,
        hint: 'keep an imsmanifest.xml in the folder above scenarios/, or write the value out',
      });
    }
  }
  return problems;
}

/**
 * The values to check a text against before the scenario is built: the module's own as given, and a stand-in
 * for those the scenario always supplies once built.
 */
export function placeholderCheckValues(module: PlaceholderValues = {}): PlaceholderValues {
  return { ...module, stageCount: '?', passMark: '?', minutes: '?' };
}

/** `text` with each placeholder replaced by its value, passed through `escape` (for HTML fields). */
export function fillPlaceholders(
  text: string,
  values: PlaceholderValues,
  encode: (value: string) => string = (value) => value,
): string {
  if (!text.includes('{{')) return text;
  return text.replace(TOKEN, (token, name: string | undefined) => {
    const value = name !== undefined && isName(name) ? values[name] : undefined;
    return value === undefined ? token : encode(value);
  });
}

/** 1-based line and column of `index` in `text`. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
