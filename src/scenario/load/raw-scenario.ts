/**
 * The YAML as written, once it has passed the JSON Schema (`scenarios/scenario.schema.json`). Only
 * `build-scenario.ts` reads these types, and only after validation, so they describe the schema exactly.
 */

export interface RawCondition {
  readonly chose?: readonly string[];
  readonly notChose?: readonly string[];
  readonly scoreAtLeast?: number;
  readonly scoreBelow?: number;
}

export interface RawBranch {
  readonly when?: RawCondition;
  readonly goto: string;
}

export type RawNext = string | readonly RawBranch[];

export interface RawChoice {
  readonly id: string;
  readonly label: string;
  readonly class: 'recommended' | 'acceptable' | 'poor';
  readonly short: string;
  readonly rationale: string;
  readonly score: Readonly<Record<string, number>>;
  readonly feedback: {
    readonly consequence: string;
    readonly why: string;
    readonly guidance?: readonly { readonly ref: string; readonly para?: string }[];
  };
  readonly next?: RawNext;
}

interface RawNodeBase {
  readonly stage?: string;
  readonly title: string;
  readonly body: string;
  readonly illustration?: string;
  readonly illustrationAlt?: string;
  readonly pages?: readonly string[];
}

export interface RawScene extends RawNodeBase {
  readonly type: 'scene';
  readonly next?: RawNext;
}

export interface RawDecision extends RawNodeBase {
  readonly type: 'decision';
  readonly prompt: string;
  readonly summary: string;
  readonly choices: readonly RawChoice[];
}

export interface RawEnding extends RawNodeBase {
  readonly type: 'ending';
  readonly outcome: 'good' | 'mixed' | 'poor';
  readonly debrief: string;
}

export type RawNode = RawScene | RawDecision | RawEnding;

export interface RawScenario {
  readonly id: string;
  readonly version: string;
  readonly passMark: number;
  readonly start: string;
  readonly outcomes: readonly { readonly id: string; readonly text: string }[];
  readonly principles: readonly {
    readonly id: string;
    readonly label: string;
    readonly description: string;
  }[];
  readonly references?: readonly {
    readonly id: string;
    readonly title: string;
    readonly publisher: string;
    readonly url?: string;
  }[];
  readonly stages: readonly { readonly id: string; readonly title: string; readonly numbered?: boolean }[];
  readonly nodes: Readonly<Record<string, RawNode>>;
}
