import type {
  Branch,
  Choice,
  Condition,
  ContentPage,
  DecisionNode,
  Scenario,
  ScenarioNode,
} from '../model.ts';
import { compileMarkdown } from './compile-markdown.ts';
import { normaliseRelative, packagePath } from './media-path.ts';
import type { RawChoice, RawCondition, RawNext, RawNode, RawScenario } from './raw-scenario.ts';

/** An illustration to copy into the package: `source` as written (relative to the scenario), `target` in it. */
export interface MediaFile {
  readonly source: string;
  readonly target: string;
}

/**
 * Turns a validated scenario into the model: Markdown prose to HTML, plain-text fields trimmed, `next: x`
 * to `[{ goto: x }]`, totals and the recommended choice computed, illustrations to `media/<file>.svg`.
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
    title: raw.title.trim(),
    version: raw.version,
    minutes: raw.minutes,
    passMark: raw.passMark,
    outcomes: raw.outcomes.map((o) => ({ id: o.id, text: o.text.trim() })),
    principles: raw.principles.map((p) => ({
      id: p.id,
      label: p.label.trim(),
      description: p.description.trim(),
    })),
    references: (raw.references ?? []).map((r) => ({
      id: r.id,
      title: r.title.trim(),
      publisher: r.publisher.trim(),
      ...(r.url === undefined ? {} : { url: r.url }),
    })),
    start: raw.start,
    nodes,
    // Every page, not only those nodes name: screens outside the story (start, reflection) read them too.
    pages: { ...pages },
  };
  return { scenario, media: [...media.values()] };
}

function buildNode(id: string, node: RawNode, illustration: string | undefined): ScenarioNode {
  const base = {
    id,
    title: node.title.trim(),
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
        prompt: node.prompt.trim(),
        summary: node.summary.trim(),
        choices,
        recommended: recommended(choices),
      };
      return decision;
    }
  }
}

function buildChoice(choice: RawChoice): Choice {
  return {
    id: choice.id,
    label: choice.label.trim(),
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

/** The loader has already refused ties, so the highest total is unique. */
function recommended(choices: readonly Choice[]): string {
  let best = choices[0];
  for (const choice of choices) if (best === undefined || choice.total > best.total) best = choice;
  return best?.id ?? '';
}
