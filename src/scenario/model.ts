/**
 * The scenario model: what a validated scenario file becomes, and what every other layer reads.
 *
 * Authors write YAML (`scenarios/*.yaml`, format in `scenarios/README.md`); the loader validates it and
 * produces a `Scenario`. Prose fields hold HTML that the build compiled from Markdown with raw HTML
 * disabled, so any `<script>` an author types arrives here already escaped (inert text).
 *
 * Ids are what the LMS records, so they are restricted to letters, digits, `_` and `.`
 * (Moodle's CMIShortIdentifier `^[\w\.]{1,250}$` rejects hyphens in SCORM 2004 responses).
 */

/**
 * Letters, digits, `_` and `.`, starting and ending with a letter or digit (some Moodle SCORM 2004 players
 * refuse identifiers that end in punctuation); the pattern every id in a scenario must match.
 */
export const ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9])?$/;

export interface LearningOutcome {
  readonly id: string;
  /** Completes "By the end you will be able to …"; starts with an observable verb. */
  readonly text: string;
}

/** A principle a choice can score against, e.g. "keeps the boundary". */
export interface Principle {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/** A citable source: guidance document, MDO advice, statute. */
export interface Reference {
  readonly id: string;
  /** Full title as the learner should look it up, e.g. "Good medical practice (2024)". */
  readonly title: string;
  readonly publisher: string;
  /** Plain text only; never fetched at run time. */
  readonly url?: string;
}

/** A pointer into a reference: "Good medical practice (2024), paragraph 86". */
export interface Citation {
  readonly ref: string;
  /** Paragraph or section, as the source numbers it ("86", "94–96"); absent when the source is unnumbered. */
  readonly para?: string;
}

/**
 * A condition on what the learner did earlier. Every given field must hold.
 * `chose`/`notChose` name choices as `decisionId.choiceId`.
 */
export interface Condition {
  readonly chose?: readonly string[];
  readonly notChose?: readonly string[];
  readonly scoreAtLeast?: number;
  readonly scoreBelow?: number;
}

/** Where to go next: the first branch whose condition holds (a branch without `when` always holds). */
export interface Branch {
  readonly when?: Condition;
  readonly goto: string;
}

export interface Feedback {
  /** What happened as a result (HTML). */
  readonly consequence: string;
  /** Why, in terms of the guidance (HTML). */
  readonly why: string;
  readonly guidance: readonly Citation[];
}

/**
 * How the guidance judges a choice, stated by the author. It decides the interaction's recorded result
 * (`correct` / `neutral` / `wrong`, `incorrect` in SCORM 2004) and the feedback's headline, and the loader
 * checks that the pass mark agrees with it: a path of recommended and acceptable choices passes, a path
 * through a poor one fails.
 * - `recommended`: what the guidance and the defence organisations advise; one per decision.
 * - `acceptable`: defensible, a near miss; costs points but never the pass.
 * - `poor`: goes against the guidance or the advice in a way that can harm the patient or the doctor.
 */
export type ChoiceClass = 'recommended' | 'acceptable' | 'poor';

export interface Choice {
  readonly id: string;
  readonly label: string;
  /** A few words naming the choice ("Declined clearly, noted it, told trainer"): path map, charts. */
  readonly short: string;
  readonly class: ChoiceClass;
  /** One plain-text line of why it has its class, for the trainer's report and the rationale table. */
  readonly rationale: string;
  /** Points per principle id; principles not listed score 0. */
  readonly score: Readonly<Record<string, number>>;
  /** Sum of `score`, precomputed. */
  readonly total: number;
  readonly feedback: Feedback;
  readonly next: readonly Branch[];
}

/**
 * A stage of the story, declared in the scenario's `stages:` list, in order. Numbered stages make the count
 * ("Stage 2 of 4"); an unnumbered one (a prologue) is shown by its title.
 */
export interface Stage {
  readonly id: string;
  readonly title: string;
  /** 1-based among the numbered stages; absent for an unnumbered stage. */
  readonly number?: number;
}

interface NodeBase {
  readonly id: string;
  readonly title: string;
  /** Id of the node's stage (one of `Scenario.stages`); absent for nodes outside the stages. */
  readonly stage?: string;
  /** Narrative (HTML). */
  readonly body: string;
  /** Package-relative path of an SVG illustration, e.g. `media/car-park.svg`. */
  readonly illustration?: string;
  readonly illustrationAlt?: string;
  /** Ids of content pages (see `Scenario.pages`) offered as "read more". */
  readonly pages?: readonly string[];
}

export interface SceneNode extends NodeBase {
  readonly kind: 'scene';
  readonly next: readonly Branch[];
}

export interface DecisionNode extends NodeBase {
  readonly kind: 'decision';
  /** The question the learner answers (plain text). */
  readonly prompt: string;
  /** Plain text ≤ 250 characters: what a trainer reads in the LMS report (SCORM 2004 description). */
  readonly summary: string;
  readonly choices: readonly Choice[];
  /** Id of the choice whose class is `recommended` (the loader requires exactly one). */
  readonly recommended: string;
}

export type EndingOutcome = 'good' | 'mixed' | 'poor';

export interface EndingNode extends NodeBase {
  readonly kind: 'ending';
  readonly outcome: EndingOutcome;
  /** Debrief text specific to this ending (HTML). */
  readonly debrief: string;
}

export type ScenarioNode = SceneNode | DecisionNode | EndingNode;

/** A longer page in `content/pages/`, compiled to HTML at build time. */
export interface ContentPage {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/**
 * One scenario. It has no title of its own: the module's title, like the rest of its identity, is written
 * once, in imsmanifest.xml (the app reads it from `virtual:module-identity`).
 */
export interface Scenario {
  readonly id: string;
  readonly version: string;
  /**
   * Minutes a learner should plan for, reflection included (CPD: 1 credit = 1 hour). Computed by the loader
   * from the words on the recommended path (`estimate-minutes.ts`), never typed by the author.
   */
  readonly minutes: number;
  /** Share of the maximum score needed to pass, 0–1. */
  readonly passMark: number;
  readonly outcomes: readonly LearningOutcome[];
  readonly principles: readonly Principle[];
  readonly references: readonly Reference[];
  /** In story order; see `Stage`. */
  readonly stages: readonly Stage[];
  readonly start: string;
  readonly nodes: Readonly<Record<string, ScenarioNode>>;
  readonly pages: Readonly<Record<string, ContentPage>>;
}

// ---------------------------------------------------------------------------------------------
// The running scenario: machine context, events in, domain events out.

export interface Answer {
  readonly decisionId: string;
  readonly choiceId: string;
  /** Epoch ms when the decision screen was shown; latency = `at - shownAt`. */
  readonly shownAt: number;
  /** Epoch ms of the choice. */
  readonly at: number;
}

export interface Scores {
  readonly total: number;
  readonly byPrinciple: Readonly<Record<string, number>>;
}

export interface ScenarioContext {
  /** Node ids in the order visited, current node last. */
  readonly path: readonly string[];
  readonly answers: readonly Answer[];
  readonly scores: Scores;
  /** Epoch ms the current node was entered. */
  readonly enteredAt: number;
}

/** Events the learner (through the UI) sends. `at` is supplied by the caller so the machine stays pure. */
export type ScenarioEvent =
  | { readonly type: 'CONTINUE'; readonly at: number }
  | { readonly type: 'CHOOSE'; readonly choiceId: string; readonly at: number };

/** Domain events the machine emits; the LMS and UI layers subscribe with `actor.on(type, …)`. */
export type ScenarioEmitted =
  | {
      readonly type: 'decision.made';
      readonly decisionId: string;
      readonly choiceId: string;
      readonly answer: Answer;
      readonly scores: Scores;
    }
  | {
      readonly type: 'scenario.ended';
      readonly endingId: string;
      readonly scores: Scores;
      readonly passed: boolean;
    };
