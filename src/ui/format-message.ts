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
  /**
   * True when the locale writes whole numbers 0–999 as plain ASCII digits (checked at build time,
   * plugins/locale-file.ts): those are then written without Intl.NumberFormat, whose first use costs
   * 60–190 ms at CPU × 4 (loading the locale's data) on the screen that needs it.
   */
  readonly smallNumbersAsDigits?: boolean;
}

export type MessageFormatter = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export function messageFormatter(locale: CompiledLocale): MessageFormatter {
  // Made on first use, not at load: each loads the locale's data, tens of milliseconds on a slow phone
  // before the first screen, and most screens need one of them or neither.
  let numbers: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const formatNumber = (value: number) => {
    if (locale.smallNumbersAsDigits && Number.isInteger(value) && value >= 0 && value < 1000)
      return String(value);
    numbers = numbers ?? new Intl.NumberFormat(locale.intl);
    return numbers.format(value);
  };
  const pluralOf = (value: number) => {
    plurals = plurals ?? new Intl.PluralRules(locale.intl);
    return plurals.select(value);
  };
  return (key, values = {}) => {
    const message = locale.messages[key] ?? key;
    const text =
      typeof message === 'string'
        ? message
        : (message[1][pluralOf(Number(values[message[0]]))] ?? message[1].other);
    return (text ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name] ?? '';
      return typeof value === 'number' ? formatNumber(value) : value;
    });
  };
}
