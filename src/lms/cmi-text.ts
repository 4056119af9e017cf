/**
 * Free text on its way into CMI string elements: learner reflections, decision summaries, learner names.
 * Lengths count UTF-16 code units, as the players' JavaScript regexes (`.{0,250}`, `[\u0000-\uFFFF]{0,4096}`) do.
 */

export interface FittedText {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Drops what XML cannot carry: C0 controls other than TAB, LF, CR, lone surrogates and U+FFFE/U+FFFF. LMSs
 * store CMI data in XML or pass it through XML cleanup (SuccessFactors KBA 3332061, scorm-notes §5).
 */
export function toXmlSafe(text: string): string {
  // A loop rather than a regex: lone-surrogate detection needs lookbehind, which Safari lacked before 16.4.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff
    )
      continue;
    out += text.charAt(i);
  }
  return out;
}

/** At most `max` code units, never splitting a surrogate pair (half an emoji would be a lone surrogate). */
export function fitLength(text: string, max: number): FittedText {
  if (text.length <= max) return { text, truncated: false };
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return { text: text.slice(0, end), truncated: true };
}

/**
 * A one-line plain-text label for a SCORM 2004 localized_string_type SPM 250 (interaction and objective
 * `description`). scorm-again's CMILangString250 rejects line breaks and tabs, and both it and Moodle reject a
 * value starting with `{` (read as a broken `{lang=…}` tag), so those are turned into spaces and `(`.
 */
export function toDescription(text: string, max = 250): string {
  const oneLine = toXmlSafe(text).replace(/\s+/g, ' ').trim().replace(/^\{/, '(');
  const fitted = fitLength(oneLine, max);
  return fitted.truncated ? `${fitLength(oneLine, max - 1).text.trimEnd()}…` : fitted.text;
}

const LINE_BREAK_MARK = '¶';

/**
 * A learner's multi-line reflection as a SCORM 2004 `comments_from_learner.n.comment` (localized_string_type
 * SPM 4000). Line breaks become `¶` because scorm-again rejects them (406); a leading `{` gets a space in front
 * so it is not read as a language tag. `decodeLearnerComment` undoes both.
 */
export function encodeLearnerComment(text: string, max = 4000): FittedText {
  const encoded = toXmlSafe(text)
    .replace(/\r\n?|\n/g, LINE_BREAK_MARK)
    .replace(/\t/g, ' ')
    .replace(/^\{/, ' {');
  return fitLength(encoded, max);
}

export function decodeLearnerComment(value: string): string {
  return value.replace(/^ \{/, '{').replaceAll(LINE_BREAK_MARK, '\n');
}

/**
 * The learner's name for display. LMSs send "Surname, Forename" (the SCORM 1.2 RTE's example is
 * "Last, First"), so "Patel, Sam" reads "Sam Patel"; a name without a comma is shown as given.
 */
export function displayLearnerName(raw: string): string | null {
  const name = toXmlSafe(raw).replace(/\s+/g, ' ').trim();
  if (name === '') return null;
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const surname = name.slice(0, comma).trim();
  const forenames = name.slice(comma + 1).trim();
  return [forenames, surname].filter((part) => part !== '').join(' ');
}
