/**
 * The interface's words at run time: a locale compiled at build time (plugins/locale-file.ts) and the few
 * lines that fill in its messages. Plurals and numbers come from the platform's Intl, not rules of our own.
 */

/** A message as compiled: its text, or the value a plural turns on and the text per plural category. */
export type CompiledMessage = string | readonly [value: string, forms: Readonly<Record<string, string>>];

export interface CompiledLocale {
  /** The text's language, a BCP 47 tag: `<html lang>`. */
  readonly lang: string;
  /** The tag numbers, dates and plurals are formatted for (the pseudo-locale's text is en-GB underneath). */
  readonly intl: string;
  readonly messages: Readonly<Record<string, CompiledMessage>>;
}

export type MessageFormatter = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export function messageFormatter(locale: CompiledLocale): MessageFormatter {
  const numbers = new Intl.NumberFormat(locale.intl);
  const plurals = new Intl.PluralRules(locale.intl);
  return (key, values = {}) => {
    const message = locale.messages[key] ?? key;
    const text =
      typeof message === 'string'
        ? message
        : (message[1][plurals.select(Number(values[message[0]]))] ?? message[1].other);
    return (text ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name] ?? '';
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
