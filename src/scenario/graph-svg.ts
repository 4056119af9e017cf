/**
 * Draws a scenario as a standalone SVG for authors and trainers (`npm run scenario:check`) and for the
 * debrief, which passes the learner's own path to highlight. Layout in graph-layout.ts.
 * Pure string building, no DOM, so it runs in Node and in the browser alike.
 */
import type { PathAnalysis } from './analyse-paths.ts';
import { escapeXml } from './escape-xml.ts';
import { layoutGraph, NODE_H, NODE_W, type Point, type RoutedEdge } from './graph-layout.ts';
import type { EndingOutcome, Scenario, ScenarioNode } from './model.ts';

export interface GraphOptions {
  /** Node ids a learner visited, in order; drawn over the recommended path. */
  readonly highlightPath?: readonly string[];
}

const MARGIN = 24;
const LEGEND_ITEM_W = 170;
const LEGEND_ROW_H = 26;

const COLOURS = {
  text: '#1a202c',
  muted: '#4a5568',
  edge: '#718096',
  recommended: '#2b6cb0',
  highlight: '#b83280',
  scene: { fill: '#edf2f7', stroke: '#4a5568' },
  decision: { fill: '#ebe4fb', stroke: '#6b46c1' },
  good: { fill: '#d7f0de', stroke: '#2f855a' },
  mixed: { fill: '#fdebc8', stroke: '#c05621' },
  poor: { fill: '#fadcdc', stroke: '#c53030' },
} as const;

type Swatch = 'scene' | 'decision' | EndingOutcome;

function wrap(text: string, width: number, lines: number): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      result.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) result.push(line);
  if (result.length <= lines) return result;
  const kept = result.slice(0, lines);
  kept[lines - 1] = `${(kept[lines - 1] ?? '').slice(0, width - 1)}…`;
  return kept;
}

function swatchOf(node: ScenarioNode): Swatch {
  return node.kind === 'ending' ? node.outcome : node.kind;
}

/** Scenes are rectangles, decisions hexagons, endings pills: told apart without relying on colour. */
function shape(
  kind: Swatch,
  x: number,
  y: number,
  w: number,
  h: number,
  stroke: string,
  strokeWidth: number,
): string {
  const paint = `fill="${COLOURS[kind].fill}" stroke="${stroke}" stroke-width="${strokeWidth}"`;
  if (kind === 'decision') {
    const inset = Math.min(14, w / 4);
    const points = [
      [x + inset, y],
      [x + w - inset, y],
      [x + w, y + h / 2],
      [x + w - inset, y + h],
      [x + inset, y + h],
      [x, y + h / 2],
    ];
    return `<polygon points="${points.map((p) => p.join(',')).join(' ')}" ${paint}/>`;
  }
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${kind === 'scene' ? 4 : h / 2}" ${paint}/>`;
}

function nodeSvg(node: ScenarioNode, box: Point, highlighted: boolean): string {
  const kind = swatchOf(node);
  const stroke = highlighted ? COLOURS.highlight : COLOURS[kind].stroke;
  const title = wrap(node.title, 26, 2);
  const centre = box.x + NODE_W / 2;
  const top = box.y + (NODE_H - (title.length * 16 + 13)) / 2 + 12;
  const lines = title.map(
    (line, i) =>
      `<text x="${centre}" y="${top + i * 16}" text-anchor="middle" font-size="13" fill="${COLOURS.text}">${escapeXml(line)}</text>`,
  );
  const id = `<text x="${centre}" y="${top + title.length * 16}" text-anchor="middle" font-size="10" font-family="ui-monospace, monospace" fill="${COLOURS.muted}">${escapeXml(node.id)}</text>`;
  return `<g>${shape(kind, box.x, box.y, NODE_W, NODE_H, stroke, highlighted ? 3 : 1.5)}${lines.join('')}${id}</g>`;
}

/** Curves between rows, straight runs through the placeholders an edge passes in rows it skips. */
function pathData(edge: RoutedEdge): string {
  const [start, ...rest] = edge.points;
  if (!start) return '';
  if (edge.back) {
    const end = rest[rest.length - 1] ?? start;
    const out = NODE_W * 0.9;
    return `M${start.x},${start.y} C${start.x + out},${start.y - 60} ${end.x + out},${end.y + 60} ${end.x},${end.y}`;
  }
  let d = `M${start.x},${start.y}`;
  let previous = start;
  for (const [i, point] of rest.entries()) {
    if (i % 2 === 0) {
      const bend = (point.y - previous.y) / 2;
      d += ` C${previous.x},${previous.y + bend} ${point.x},${point.y - bend} ${point.x},${point.y}`;
    } else {
      d += ` L${point.x},${point.y}`;
    }
    previous = point;
  }
  return d;
}

interface Stroke {
  readonly colour: string;
  readonly width: number;
  readonly marker: string;
  readonly dash?: string;
}

function strokesOf(recommended: boolean, highlighted: boolean): Stroke[] {
  const base = recommended
    ? { colour: COLOURS.recommended, width: 5, marker: 'recommended' }
    : { colour: COLOURS.edge, width: 1.5, marker: 'edge' };
  return highlighted
    ? [base, { colour: COLOURS.highlight, width: 2.5, dash: '7 4', marker: 'highlight' }]
    : [base];
}

function edgeSvg(edge: RoutedEdge, strokes: readonly Stroke[], prefix: string): string {
  const d = pathData(edge);
  const lines = strokes.map(
    (s) =>
      `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#${prefix}-${s.marker})"/>`,
  );
  return `<g>${lines.join('')}</g>`;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const LABEL_LINE_H = 13;
/** Rough advance of an 11px system-ui character; only used to keep labels apart. */
const LABEL_CHAR_W = 6.2;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The point at `t` along the edge's first curve (the cubic drawn by `pathData`). */
function pointOnFirstCurve(edge: RoutedEdge, t: number): Point | undefined {
  const a = edge.points[0];
  const b = edge.points[1];
  if (!a || !b) return undefined;
  if (edge.back) return { x: a.x + NODE_W * 0.7, y: (a.y + b.y) / 2 };
  const bend = (b.y - a.y) / 2;
  const u = 1 - t;
  const mix = (p0: number, p1: number, p2: number, p3: number) =>
    u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
  return { x: mix(a.x, a.x, b.x, b.x), y: mix(a.y, a.y + bend, b.y - bend, b.y) };
}

/**
 * Each label goes on its edge's first curve, halfway down if that spot is free, otherwise at the first
 * spot along the curve that overlaps no label placed before it. A white halo keeps crossing lines readable.
 */
function labelSvgs(edges: readonly RoutedEdge[]): string[] {
  const placed: Rect[] = [];
  return edges.flatMap((edge) => {
    if (edge.labels.length === 0) return [];
    const w = Math.max(...edge.labels.map((label) => label.length)) * LABEL_CHAR_W + 6;
    const h = edge.labels.length * LABEL_LINE_H + 2;
    const candidates = [0.5, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8].flatMap((t) => {
      const p = pointOnFirstCurve(edge, t);
      return p ? [{ x: p.x - w / 2, y: p.y - h / 2, w, h }] : [];
    });
    const spot = candidates.find((c) => !placed.some((other) => overlaps(c, other))) ?? candidates[0];
    if (!spot) return [];
    placed.push(spot);
    const x = spot.x + w / 2;
    const spans = edge.labels.map(
      (label, i) => `<tspan x="${x}" y="${spot.y + 11 + i * LABEL_LINE_H}">${escapeXml(label)}</tspan>`,
    );
    return [
      `<text text-anchor="middle" font-size="11" fill="${COLOURS.text}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${spans.join('')}</text>`,
    ];
  });
}

function markers(prefix: string): string {
  const marker = (name: string, colour: string) =>
    `<marker id="${prefix}-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  return `<defs>${marker('edge', COLOURS.edge)}${marker('recommended', COLOURS.recommended)}${marker('highlight', COLOURS.highlight)}</defs>`;
}

function legendSvg(width: number, withHighlight: boolean): { svg: string; height: number } {
  const line = (stroke: Stroke) => (x: number, y: number) =>
    `<line x1="${x}" y1="${y + 7}" x2="${x + 24}" y2="${y + 7}" stroke="${stroke.colour}" stroke-width="${stroke.width}"${stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : ''}/>`;
  const box = (kind: Swatch) => (x: number, y: number) =>
    shape(kind, x, y, 24, 14, COLOURS[kind].stroke, 1.5);
  const items: [string, (x: number, y: number) => string][] = [
    ['Scene', box('scene')],
    ['Decision', box('decision')],
    ['Ending: good', box('good')],
    ['Ending: mixed', box('mixed')],
    ['Ending: poor', box('poor')],
    ['Recommended path', line({ colour: COLOURS.recommended, width: 5, marker: '' })],
  ];
  if (withHighlight)
    items.push(['Learner path', line({ colour: COLOURS.highlight, width: 2.5, dash: '7 4', marker: '' })]);
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN) / LEGEND_ITEM_W));
  const drawn = items.map(([label, draw], i) => {
    const x = MARGIN + (i % perRow) * LEGEND_ITEM_W;
    const y = MARGIN + Math.floor(i / perRow) * LEGEND_ROW_H;
    return `${draw(x, y)}<text x="${x + 32}" y="${y + 12}" font-size="12" fill="${COLOURS.text}">${escapeXml(label)}</text>`;
  });
  return {
    svg: `<g>${drawn.join('')}</g>`,
    height: MARGIN + Math.ceil(items.length / perRow) * LEGEND_ROW_H,
  };
}

function pairsOf(path: readonly string[] | undefined): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < (path?.length ?? 0); i++) pairs.add(`${path?.[i - 1]}\n${path?.[i]}`);
  return pairs;
}

export function renderScenarioGraph(
  scenario: Scenario,
  analysis: PathAnalysis,
  options: GraphOptions = {},
): string {
  const layout = layoutGraph(scenario);
  const width = Math.max(layout.width + 2 * MARGIN, 4 * LEGEND_ITEM_W + 2 * MARGIN);
  const legend = legendSvg(width, options.highlightPath !== undefined);
  const dx = (width - layout.width) / 2;
  const dy = legend.height + MARGIN;
  const height = dy + layout.height + MARGIN;

  const prefix = `sg-${scenario.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const recommended = pairsOf(analysis.recommended?.nodes);
  const highlighted = pairsOf(options.highlightPath);
  const visited = new Set(options.highlightPath ?? []);
  const moved = (p: Point) => ({ x: p.x + dx, y: p.y + dy });

  const edges = layout.edges.map((edge) => ({ ...edge, points: edge.points.map(moved) }));
  const edgeSvgs = edges.map((edge) => {
    const key = `${edge.from}\n${edge.to}`;
    return edgeSvg(edge, strokesOf(recommended.has(key), highlighted.has(key)), prefix);
  });
  const nodeSvgs = Object.values(scenario.nodes).flatMap((node) => {
    const box = layout.boxes.get(node.id);
    return box ? [nodeSvg(node, moved(box), visited.has(node.id))] : [];
  });

  const { counts } = analysis;
  const label = `Scenario graph: ${scenario.id}`;
  const summary = `${counts.nodes} nodes, ${counts.decisions} decisions, ${counts.paths} paths, ${counts.endings} endings; scores from ${analysis.minScore} to ${analysis.maxScore}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(label)}</title>`,
    `<desc>${escapeXml(summary)}</desc>`,
    markers(prefix),
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    legend.svg,
    ...edgeSvgs,
    ...nodeSvgs,
    ...labelSvgs(edges),
    '</svg>',
    '',
  ].join('\n');
}
