/**
 * Layered layout for the scenario graph (graph-svg.ts draws it), after Sugiyama et al. (1981):
 * 1. rows by longest distance from the start, so every edge but one that closes a loop points down;
 * 2. an edge that skips rows passes through a thin placeholder in each row between, so it is routed
 *    beside the nodes instead of through them;
 * 3. within a row, items are ordered by the mean position of their neighbours (barycentre), sweeping
 *    down, up and down again, ties kept in authored order, to keep crossings few.
 */
import type { Condition, Scenario } from './model.ts';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** One line per choice (or condition) that takes this edge. */
  readonly labels: readonly string[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface RoutedEdge extends GraphEdge {
  /** Leaves `from` at the first point, enters `to` at the last; placeholders in between, two points each. */
  readonly points: readonly Point[];
  /** True for an edge that closes a loop (drawn upwards). */
  readonly back: boolean;
}

export interface GraphLayout {
  /** Top-left corner of each node's box. */
  readonly boxes: ReadonlyMap<string, Point>;
  readonly edges: readonly RoutedEdge[];
  readonly width: number;
  readonly height: number;
}

export const NODE_W = 200;
export const NODE_H = 64;
const PLACEHOLDER_W = 36;
const GAP_X = 40;
const GAP_Y = 124;

function conditionText(when: Condition): string {
  const parts = [
    ...(when.chose ?? []).map((key) => `chose ${key}`),
    ...(when.notChose ?? []).map((key) => `not ${key}`),
    ...(when.scoreAtLeast === undefined ? [] : [`score ≥ ${when.scoreAtLeast}`]),
    ...(when.scoreBelow === undefined ? [] : [`score < ${when.scoreBelow}`]),
  ];
  return `if ${parts.join(', ')}`;
}

/** One edge per (from, to) pair, labelled with every choice id (and condition) that takes it. */
export function edgesOf(scenario: Scenario): GraphEdge[] {
  const edges = new Map<string, { from: string; to: string; labels: string[] }>();
  const add = (from: string, to: string, label: string) => {
    if (scenario.nodes[to] === undefined) return;
    const key = `${from}\n${to}`;
    const edge = edges.get(key) ?? { from, to, labels: [] };
    if (label && !edge.labels.includes(label)) edge.labels.push(label);
    edges.set(key, edge);
  };
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'scene') {
      for (const branch of node.next)
        add(node.id, branch.goto, branch.when ? conditionText(branch.when) : '');
    } else if (node.kind === 'decision') {
      for (const choice of node.choices) {
        for (const branch of choice.next) {
          add(node.id, branch.goto, branch.when ? `${choice.id} ${conditionText(branch.when)}` : choice.id);
        }
      }
    }
  }
  return [...edges.values()];
}

/** Row of each node: longest distance from the start over edges that do not close a loop. */
function rowsOf(
  scenario: Scenario,
  edges: readonly GraphEdge[],
): { row: Map<string, number>; back: Set<GraphEdge> } {
  const out = new Map<string, GraphEdge[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const finished: string[] = [];
  const open = new Set<string>();
  const seen = new Set<string>();
  const back = new Set<GraphEdge>();
  const visit = (id: string) => {
    open.add(id);
    seen.add(id);
    for (const edge of out.get(id) ?? []) {
      if (open.has(edge.to)) back.add(edge);
      else if (!seen.has(edge.to)) visit(edge.to);
    }
    open.delete(id);
    finished.push(id);
  };
  visit(scenario.start);
  const row = new Map<string, number>([[scenario.start, 0]]);
  for (const id of finished.reverse()) {
    for (const edge of out.get(id) ?? []) {
      if (!back.has(edge)) row.set(edge.to, Math.max(row.get(edge.to) ?? 0, (row.get(id) ?? 0) + 1));
    }
  }
  const last = Math.max(...row.values());
  for (const id of Object.keys(scenario.nodes)) if (!row.has(id)) row.set(id, last + 1);
  return { row, back };
}

interface Item {
  readonly id: string;
  readonly width: number;
  /** Items in the row above / below joined to this one, with the rank of the joining edge at its source. */
  readonly up: { id: string; rank: number }[];
  readonly down: { id: string; rank: number }[];
}

export function layoutGraph(scenario: Scenario): GraphLayout {
  const edges = edgesOf(scenario);
  const { row, back } = rowsOf(scenario, edges);
  const rowCount = Math.max(...row.values()) + 1;
  const items = new Map<string, Item>();
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  const place = (id: string, r: number, width: number) => {
    items.set(id, { id, width, up: [], down: [] });
    rows[r]?.push(id);
  };
  const byDiscovery = [...row.keys()].sort((a, b) => (row.get(a) ?? 0) - (row.get(b) ?? 0));
  for (const id of byDiscovery) place(id, row.get(id) ?? 0, NODE_W);

  const chains = new Map<GraphEdge, string[]>();
  const outRank = new Map<string, number>();
  for (const edge of edges) {
    if (back.has(edge)) continue;
    const top = row.get(edge.from) ?? 0;
    const bottom = row.get(edge.to) ?? 0;
    const chain = [edge.from];
    for (let r = top + 1; r < bottom; r++) {
      const id = `${edge.from}\n${edge.to}\n${r}`;
      place(id, r, PLACEHOLDER_W);
      chain.push(id);
    }
    chain.push(edge.to);
    chains.set(edge, chain);
    const rank = outRank.get(edge.from) ?? 0;
    outRank.set(edge.from, rank + 1);
    for (let i = 1; i < chain.length; i++) {
      const above = chain[i - 1] ?? '';
      const below = chain[i] ?? '';
      items.get(above)?.down.push({ id: below, rank: i === 1 ? rank : 0 });
      items.get(below)?.up.push({ id: above, rank: i === 1 ? rank : 0 });
    }
  }

  const position = new Map<string, number>();
  const setPositions = (ids: readonly string[]) => {
    for (const [i, id] of ids.entries()) position.set(id, i);
  };
  for (const ids of rows) setPositions(ids);
  const sweep = (r: number, side: 'up' | 'down') => {
    const ids = rows[r] ?? [];
    const keyOf = (id: string) => {
      const links = items.get(id)?.[side] ?? [];
      if (!links.length) return position.get(id) ?? 0;
      // The source's rank among its edges nudges siblings into authored (choice) order.
      return (
        links.reduce((sum, link) => sum + (position.get(link.id) ?? 0) + link.rank * 0.01, 0) / links.length
      );
    };
    const keys = new Map(ids.map((id) => [id, keyOf(id)]));
    rows[r] = [...ids].sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
    setPositions(rows[r] ?? []);
  };
  for (let r = 1; r < rowCount; r++) sweep(r, 'up');
  for (let r = rowCount - 2; r >= 0; r--) sweep(r, 'down');
  for (let r = 1; r < rowCount; r++) sweep(r, 'up');

  const rowWidth = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + (items.get(id)?.width ?? 0), 0) + Math.max(0, ids.length - 1) * GAP_X;
  const width = Math.max(...rows.map(rowWidth));
  const centre = new Map<string, Point>();
  for (const [r, ids] of rows.entries()) {
    let x = (width - rowWidth(ids)) / 2;
    for (const id of ids) {
      const itemWidth = items.get(id)?.width ?? 0;
      centre.set(id, { x: x + itemWidth / 2, y: r * (NODE_H + GAP_Y) + NODE_H / 2 });
      x += itemWidth + GAP_X;
    }
  }

  const boxes = new Map<string, Point>();
  for (const id of Object.keys(scenario.nodes)) {
    const c = centre.get(id);
    if (c) boxes.set(id, { x: c.x - NODE_W / 2, y: c.y - NODE_H / 2 });
  }
  const routed = edges.map((edge) => route(edge, chains.get(edge), centre, back.has(edge)));
  return {
    boxes,
    edges: spreadPorts(routed),
    width,
    height: rowCount * NODE_H + (rowCount - 1) * GAP_Y,
  };
}

/** Ports: bottom of the source, through each placeholder top to bottom, top of the target. */
function route(
  edge: GraphEdge,
  chain: readonly string[] | undefined,
  centre: ReadonlyMap<string, Point>,
  back: boolean,
): RoutedEdge {
  const from = centre.get(edge.from) ?? { x: 0, y: 0 };
  const to = centre.get(edge.to) ?? { x: 0, y: 0 };
  if (back || !chain) {
    return {
      ...edge,
      back: true,
      points: [
        { x: from.x, y: from.y - NODE_H / 2 },
        { x: to.x, y: to.y + NODE_H / 2 },
      ],
    };
  }
  const middle = chain.slice(1, -1).flatMap((id) => {
    const c = centre.get(id) ?? { x: 0, y: 0 };
    return [
      { x: c.x, y: c.y - NODE_H / 2 },
      { x: c.x, y: c.y + NODE_H / 2 },
    ];
  });
  return {
    ...edge,
    back: false,
    points: [{ x: from.x, y: from.y + NODE_H / 2 }, ...middle, { x: to.x, y: to.y - NODE_H / 2 }],
  };
}

/**
 * Edges leaving (or entering) one node start (or end) side by side along its edge, ordered by where the
 * other end lies, so they fan out without crossing at the node.
 */
function spreadPorts(edges: readonly RoutedEdge[]): RoutedEdge[] {
  const shift = new Map<RoutedEdge, { first: number; last: number }>(
    edges.map((e) => [e, { first: 0, last: 0 }]),
  );
  const spread = (
    end: 'first' | 'last',
    keyOf: (e: RoutedEdge) => string,
    towards: (e: RoutedEdge) => number,
  ) => {
    const groups = new Map<string, RoutedEdge[]>();
    for (const edge of edges)
      if (!edge.back) groups.set(keyOf(edge), [...(groups.get(keyOf(edge)) ?? []), edge]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const sorted = [...group].sort((a, b) => towards(a) - towards(b));
      for (const [i, edge] of sorted.entries()) {
        const offsets = shift.get(edge);
        if (offsets) offsets[end] = (i / (sorted.length - 1) - 0.5) * NODE_W * 0.6;
      }
    }
  };
  spread(
    'first',
    (e) => e.from,
    (e) => e.points[1]?.x ?? 0,
  );
  spread(
    'last',
    (e) => e.to,
    (e) => e.points[e.points.length - 2]?.x ?? 0,
  );
  return edges.map((edge) => {
    const { first = 0, last = 0 } = shift.get(edge) ?? {};
    const points = edge.points.map((point, i) => {
      if (i === 0) return { x: point.x + first, y: point.y };
      if (i === edge.points.length - 1) return { x: point.x + last, y: point.y };
      return point;
    });
    return { ...edge, points };
  });
}
