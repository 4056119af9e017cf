/**
 * How long a learner should plan for (`Scenario.minutes`, CPD: 1 credit = 1 hour), computed rather than
 * typed so it stays true as the scenario changes:
 * - reading: the words on the recommended path (`recommended-path.ts`) at 200 a minute: every scene and decision body on it, at each
 *   decision the prompt and every choice label, the recommended choice's feedback (consequence and why),
 *   and the ending's body and debrief;
 * - deliberation: 1 minute per decision on that path;
 * - reflection: the words of the `reflection` page at 200 a minute, plus 10 minutes of writing;
 * the sum rounded up to the next 5 minutes.
 */
import type { Scenario } from './model.ts';
import { recommendedPath } from './recommended-path.ts';
import { recommendedChoice } from './scoring.ts';

export const WORDS_PER_MINUTE = 200;
export const MINUTES_PER_DECISION = 1;
export const REFLECTION_WRITING_MINUTES = 10;
/** The content page whose prompts the learner reflects on. */
export const REFLECTION_PAGE = 'reflection';
const ROUND_TO = 5;

export interface TimeEstimate {
  /** Words read on the recommended path. */
  readonly readingWords: number;
  readonly readingMinutes: number;
  /** Decisions on the recommended path. */
  readonly decisions: number;
  readonly decisionMinutes: number;
  /** Words of the reflection page (title included). */
  readonly reflectionWords: number;
  /** Reading the reflection page plus writing. */
  readonly reflectionMinutes: number;
  /** The sum, before rounding. */
  readonly exactMinutes: number;
  /** The sum rounded up to the next 5 minutes: `Scenario.minutes`. */
  readonly minutes: number;
}

/** Reads everything but `minutes`, which the loader sets from the result. */
export function estimateMinutes(scenario: Scenario): TimeEstimate {
  let words = 0;
  let decisions = 0;
  for (const id of recommendedPath(scenario)) {
    const node = scenario.nodes[id];
    if (node === undefined) continue;
    words += countWords(node.body);
    if (node.kind === 'ending') words += countWords(node.debrief);
    if (node.kind !== 'decision') continue;
    decisions += 1;
    words += countWords(node.prompt) + node.choices.reduce((sum, c) => sum + countWords(c.label), 0);
    const choice = recommendedChoice(node);
    if (choice) words += countWords(choice.feedback.consequence) + countWords(choice.feedback.why);
  }
  const page = scenario.pages[REFLECTION_PAGE];
  const reflectionWords = page === undefined ? 0 : countWords(page.title) + countWords(page.html);
  const readingMinutes = words / WORDS_PER_MINUTE;
  const decisionMinutes = decisions * MINUTES_PER_DECISION;
  const reflectionMinutes = reflectionWords / WORDS_PER_MINUTE + REFLECTION_WRITING_MINUTES;
  const exactMinutes = readingMinutes + decisionMinutes + reflectionMinutes;
  return {
    readingWords: words,
    readingMinutes,
    decisions,
    decisionMinutes,
    reflectionWords,
    reflectionMinutes,
    exactMinutes,
    // Less a hair, so a sum that floating point puts at 25.000000000000004 stays 25.
    minutes: Math.ceil(exactMinutes / ROUND_TO - 1e-9) * ROUND_TO,
  };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Words in text or compiled HTML: tags removed, the entities markdown-it writes decoded, and only runs that
 * hold a letter or digit counted (a lone dash or bullet is not a word).
 */
export function countWords(text: string): number {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? entity;
      const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    });
  return plain.split(/\s+/).filter((run) => /[\p{L}\p{N}]/u.test(run)).length;
}
