import { estimateMinutes } from '../estimate-minutes.ts';
import type {
  Branch,
  Choice,
  Condition,
  ContentPage,
  DecisionNode,
  Scenario,
  ScenarioNode,
  Stage,
} from '../model.ts';
import { compileMarkdown, smartenText } from './compile-markdown.ts';
import { normaliseRelative, packagePath } from './media-path.ts';
import type { RawChoice, RawCondition, RawNext, RawNode, RawScenario } from './raw-scenario.ts';

/** An illustration to copy into the package: `source` as written (relative to the scenario), `target` in it. */
export interface MediaFile {
  readonly source: string;
  readonly target: string;
}

/**
 * Turns a validated scenario into the model: Markdown prose to HTML, plain-text fields trimmed, `next: x`
 * to `[{ goto: x }]`, totals, the recommended choice and the minutes computed, illustrations to
 * `media/<file>.svg`. What the learner reads as plain text (node titles, prompts, choice labels and shorts,
 * outcomes) gets the prose's typographic quotes; what goes to LMS reports as written (ids, `summary`,
 * `rationale`) is only trimmed.
 */
export function buildScenario(
  raw: RawScenario,
  pages: Readonly<Record<string, ContentPage>>,
): { scenario: Scenario; media: MediaFile[] } {
  const media = new Map<string, MediaFile>();
  const nodes: Record<string, ScenarioNode> = {};
  for (const [id, node] of Object.entries(raw.nodes)) {
    let illustration: string | undefined;
    if (node.illustration !== undefined) {
      illustration = packagePath(normaliseRelative(node.illustration));
      media.set(illustration, { source: node.illustration, target: illustration });
    }
    nodes[id] = buildNode(id, node, illustration);
  }
  const scenario: Scenario = {
    id: raw.id,
    version: raw.version,
    minutes: 0,
    passMark: raw.passMark,
    outcomes: raw.outcomes.map((o) => ({ id: o.id, text: smartenText(o.text.trim()) })),
    principles: raw.principles.map((p) => ({
      id: p.id,
      label: smartenText(p.label.trim()),
      description: smartenText(p.description.trim()),
    })),
    references: (raw.references ?? []).map((r) => ({
      id: r.id,
      title: smartenText(r.title.trim()),
      publisher: smartenText(r.publisher.trim()),
      ...(r.url === undefined ? {} : { url: r.url }),
    })),
    stages: buildStages(raw.stages),
    start: raw.start,
    nodes,
    // Every page, not only those nodes name: screens outside the story (start, reflection) read them too.
    pages: { ...pages },
  };
  return {
    scenario: { ...scenario, minutes: estimateMinutes(scenario).minutes },
    media: [...media.values()],
  };
}

function buildStages(raw: RawScenario['stages']): Stage[] {
  let number = 0;
  return raw.map((s) => ({
    id: s.id,
    title: smartenText(s.title.trim()),
    ...(s.numbered === false ? {} : { number: ++number }),
  }));
}

function buildNode(id: string, node: RawNode, illustration: string | undefined): ScenarioNode {
  const base = {
    id,
    title: smartenText(node.title.trim()),
    ...(node.stage === undefined ? {} : { stage: node.stage }),
    body: compileMarkdown(node.body),
    ...(illustration === undefined ? {} : { illustration }),
    ...(node.illustrationAlt === undefined ? {} : { illustrationAlt: node.illustrationAlt.trim() }),
    ...(node.pages === undefined ? {} : { pages: [...node.pages] }),
  };
  switch (node.type) {
    case 'scene':
      return { ...base, kind: 'scene', next: branches(node.next) };
    case 'ending':
      return { ...base, kind: 'ending', outcome: node.outcome, debrief: compileMarkdown(node.debrief) };
    case 'decision': {
      const choices = node.choices.map(buildChoice);
      const decision: DecisionNode = {
        ...base,
        kind: 'decision',
        prompt: smartenText(node.prompt.trim()),
        summary: node.summary.trim(),
        choices,
        // The loader has checked that exactly one choice is recommended.
        recommended: choices.find((choice) => choice.class === 'recommended')?.id ?? '',
      };
      return decision;
    }
  }
}

function buildChoice(choice: RawChoice): Choice {
  return {
    id: choice.id,
    label: smartenText(choice.label.trim()),
    short: smartenText(choice.short.trim()),
    class: choice.class,
    rationale: choice.rationale.trim(),
    score: { ...choice.score },
    total: Object.values(choice.score).reduce((sum, points) => sum + points, 0),
    feedback: {
      consequence: compileMarkdown(choice.feedback.consequence),
      why: compileMarkdown(choice.feedback.why),
      guidance: (choice.feedback.guidance ?? []).map((c) => ({
        ref: c.ref,
        ...(c.para === undefined ? {} : { para: c.para }),
      })),
    },
    next: branches(choice.next),
  };
}

function branches(next: RawNext | undefined): Branch[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ goto: next }];
  return next.map((branch) =>
    branch.when ? { when: condition(branch.when), goto: branch.goto } : { goto: branch.goto },
  );
}

function condition(when: RawCondition): Condition {
  return {
    ...(when.chose ? { chose: [...when.chose] } : {}),
    ...(when.notChose ? { notChose: [...when.notChose] } : {}),
    ...(when.scoreAtLeast === undefined ? {} : { scoreAtLeast: when.scoreAtLeast }),
    ...(when.scoreBelow === undefined ? {} : { scoreBelow: when.scoreBelow }),
  };
}
