import type { ChoiceClass } from '../model.ts';
import type { Path } from './issue.ts';

/**
 * A forgiving reading of the parsed YAML: whatever is well-formed enough to check, with the path of each
 * value so problems point at the right line. The schema reports the rest; this lets the cross-reference
 * checks run on a file that also has schema errors, so an author sees every problem at once.
 */

export interface Named {
  readonly value: string;
  readonly path: Path;
}

export interface DraftCondition {
  readonly path: Path;
  readonly chose: readonly Named[];
  readonly notChose: readonly Named[];
  readonly scoreAtLeast?: number;
  readonly scoreBelow?: number;
}

export interface DraftBranch {
  readonly path: Path;
  readonly goto?: Named;
  readonly when?: DraftCondition;
}

export interface DraftNext {
  readonly path: Path;
  /** `malformed`: neither a node id nor a list (the schema reports it). */
  readonly state: 'absent' | 'malformed' | 'ok';
  readonly branches: readonly DraftBranch[];
}

export interface DraftChoice {
  readonly path: Path;
  /** False when the list item is not a mapping at all (the schema reports that). */
  readonly mapping: boolean;
  readonly id?: Named;
  /** Set only when `class` is one of the three classes (the schema reports anything else). */
  readonly class?: Named & { readonly value: ChoiceClass };
  /** Whether `score` is a mapping: without one, `total` is 0 by default rather than by the author's points. */
  readonly scored: boolean;
  readonly total: number;
  readonly scoreKeys: readonly Named[];
  readonly citations: readonly Named[];
  readonly next: DraftNext;
}

export type DraftKind = 'scene' | 'decision' | 'ending';

export interface DraftNode {
  readonly id: string;
  readonly path: Path;
  readonly kind?: DraftKind;
  readonly outcome?: string;
  readonly next: DraftNext;
  readonly choices: readonly DraftChoice[];
  readonly illustration?: Named;
  readonly pages: readonly Named[];
  readonly stage?: Named;
}

export interface Draft {
  readonly start?: Named;
  readonly nodes: readonly DraftNode[];
  readonly byId: ReadonlyMap<string, DraftNode>;
  readonly outcomes: readonly Named[];
  readonly principles: readonly Named[];
  readonly references: readonly Named[];
  readonly stages: readonly Named[];
  /** Every node has a known type and every way on names a node id: the graph can be walked. */
  readonly complete: boolean;
}

type Dict = Readonly<Record<string, unknown>>;

function isDict(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function named(value: unknown, path: Path): Named | undefined {
  return typeof value === 'string' ? { value, path } : undefined;
}

const KINDS: readonly string[] = ['scene', 'decision', 'ending'];
const CLASSES: readonly string[] = ['recommended', 'acceptable', 'poor'] satisfies readonly ChoiceClass[];

export function readDraft(data: unknown): Draft {
  const root = isDict(data) ? data : {};
  let complete = true;

  const readCondition = (value: unknown, path: Path): DraftCondition | undefined => {
    if (!isDict(value)) return undefined;
    const refs = (key: string): Named[] =>
      list(value[key]).flatMap((item, i) => named(item, [...path, key, i]) ?? []);
    return {
      path,
      chose: refs('chose'),
      notChose: refs('notChose'),
      ...(typeof value.scoreAtLeast === 'number' ? { scoreAtLeast: value.scoreAtLeast } : {}),
      ...(typeof value.scoreBelow === 'number' ? { scoreBelow: value.scoreBelow } : {}),
    };
  };

  const readNext = (owner: Dict, path: Path): DraftNext => {
    const nextPath = [...path, 'next'];
    const value = owner.next;
    if (value === undefined) return { path: nextPath, state: 'absent', branches: [] };
    if (typeof value === 'string') {
      return { path: nextPath, state: 'ok', branches: [{ path: nextPath, goto: { value, path: nextPath } }] };
    }
    if (!Array.isArray(value)) {
      complete = false;
      return { path: nextPath, state: 'malformed', branches: [] };
    }
    const branches = value.map((item, i): DraftBranch => {
      const branchPath = [...nextPath, i];
      if (!isDict(item) || typeof item.goto !== 'string') complete = false;
      if (!isDict(item)) return { path: branchPath };
      const goto = named(item.goto, [...branchPath, 'goto']);
      const when = item.when === undefined ? undefined : readCondition(item.when, [...branchPath, 'when']);
      // A `when` that is not a mapping still makes the branch conditional; keep its place for the checks.
      const condition =
        item.when !== undefined && when === undefined
          ? { path: [...branchPath, 'when'], chose: [], notChose: [] }
          : when;
      return { path: branchPath, ...(goto ? { goto } : {}), ...(condition ? { when: condition } : {}) };
    });
    return { path: nextPath, state: 'ok', branches };
  };

  const readChoice = (value: unknown, path: Path): DraftChoice => {
    if (!isDict(value)) complete = false;
    const choice = isDict(value) ? value : {};
    const score = isDict(choice.score) ? choice.score : {};
    const feedback = isDict(choice.feedback) ? choice.feedback : {};
    const id = named(choice.id, [...path, 'id']);
    const cls =
      typeof choice.class === 'string' && CLASSES.includes(choice.class)
        ? { value: choice.class as ChoiceClass, path: [...path, 'class'] }
        : undefined;
    return {
      path,
      mapping: isDict(value),
      ...(id ? { id } : {}),
      ...(cls ? { class: cls } : {}),
      scored: isDict(choice.score),
      total: Object.values(score).reduce<number>(
        (sum, points) => sum + (typeof points === 'number' ? points : 0),
        0,
      ),
      scoreKeys: Object.keys(score).map((key) => ({ value: key, path: [...path, 'score', key] })),
      citations: list(feedback.guidance).flatMap((citation, i) =>
        isDict(citation) ? (named(citation.ref, [...path, 'feedback', 'guidance', i, 'ref']) ?? []) : [],
      ),
      next: readNext(choice, path),
    };
  };

  const nodesValue = isDict(root.nodes) ? root.nodes : {};
  const nodes = Object.entries(nodesValue).map(([id, value]): DraftNode => {
    const path = ['nodes', id];
    const node = isDict(value) ? value : {};
    const kind =
      typeof node.type === 'string' && KINDS.includes(node.type) ? (node.type as DraftKind) : undefined;
    if (kind === undefined) complete = false;
    if (kind === 'decision' && !Array.isArray(node.choices)) complete = false;
    const illustration = named(node.illustration, [...path, 'illustration']);
    const stage = named(node.stage, [...path, 'stage']);
    return {
      id,
      path,
      ...(kind ? { kind } : {}),
      ...(typeof node.outcome === 'string' ? { outcome: node.outcome } : {}),
      // Only scenes have a node-level `next`; elsewhere the schema reports it as an unknown key.
      next:
        kind === 'scene' ? readNext(node, path) : { path: [...path, 'next'], state: 'absent', branches: [] },
      choices:
        kind === 'decision' ? list(node.choices).map((c, i) => readChoice(c, [...path, 'choices', i])) : [],
      ...(illustration ? { illustration } : {}),
      pages: list(node.pages).flatMap((page, i) => named(page, [...path, 'pages', i]) ?? []),
      ...(stage ? { stage } : {}),
    };
  });

  const ids = (key: string): Named[] =>
    list(root[key]).flatMap((item, i) => (isDict(item) ? (named(item.id, [key, i, 'id']) ?? []) : []));
  const start = named(root.start, ['start']);
  if (!start) complete = false;
  return {
    ...(start ? { start } : {}),
    nodes,
    byId: new Map(nodes.map((node) => [node.id, node])),
    outcomes: ids('outcomes'),
    principles: ids('principles'),
    references: ids('references'),
    stages: ids('stages'),
    complete,
  };
}
