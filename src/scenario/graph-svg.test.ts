// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analysePaths } from './analyse-paths.ts';
import { escapeXml } from './escape-xml.ts';
import { buildScenario, choice, decision, ending, scene } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';
import { renderScenarioGraph } from './graph-svg.ts';

const analysis = analysePaths(carPark);
const learnerPath = ['intro', 'car_park', 'after_vague', 'message', 'follow_up', 'ending_resolved'];

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function strokes(doc: Document, colour: string): Element[] {
  return [...doc.querySelectorAll('path[marker-end]')].filter((p) => p.getAttribute('stroke') === colour);
}

describe('renderScenarioGraph', () => {
  it('is a well-formed standalone SVG image with a title and an accessible name', () => {
    const doc = parse(renderScenarioGraph(carPark, analysis));
    const svg = doc.documentElement;
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Scenario graph: car_park');
    expect(svg.querySelector('title')?.textContent).toBe('Scenario graph: car_park');
    expect(svg.querySelector('desc')?.textContent).toContain('7 paths');
  });

  it('draws decisions as hexagons and everything else as boxes, one per node', () => {
    const doc = parse(renderScenarioGraph(carPark, analysis));
    const text = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    for (const id of Object.keys(carPark.nodes)) expect(text).toContain(id);
    // Two decisions in the graph, one hexagon in the legend.
    expect(doc.querySelectorAll('polygon')).toHaveLength(3);
  });

  it('colours endings by outcome', () => {
    const svg = renderScenarioGraph(carPark, analysis);
    expect(svg).toContain('fill="#d7f0de"');
    expect(svg).toContain('fill="#fdebc8"');
    expect(svg).toContain('fill="#fadcdc"');
  });

  it('labels edges with the choice ids that take them', () => {
    const doc = parse(renderScenarioGraph(carPark, analysis));
    const labels = [...doc.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(['decline_clearly', 'deflect', 'accept_drink', 'reply_warmly']),
    );
  });

  it('draws the recommended path in its own colour, one edge per step', () => {
    const doc = parse(renderScenarioGraph(carPark, analysis));
    expect(strokes(doc, '#2b6cb0')).toHaveLength((analysis.recommended?.nodes.length ?? 0) - 1);
  });

  it("highlights a learner's path, edges and nodes, and adds it to the legend", () => {
    const plain = renderScenarioGraph(carPark, analysis);
    const doc = parse(renderScenarioGraph(carPark, analysis, { highlightPath: learnerPath }));
    expect(strokes(doc, '#b83280')).toHaveLength(learnerPath.length - 1);
    expect(doc.querySelectorAll('[stroke="#b83280"][stroke-width="3"]')).toHaveLength(learnerPath.length);
    expect(doc.documentElement.textContent).toContain('Learner path');
    expect(plain).not.toContain('Learner path');
  });

  it('escapes every piece of text it writes', () => {
    const hostile = buildScenario({ id: 'x', start: 's', passMark: 0.5, principles: ['p'] }, [
      { ...scene('s', 'd'), title: '<script>alert("&")</script>' },
      decision('d', [choice('a', { p: 1 }, 'e'), choice('b', { p: 0 }, 'e')], 'a'),
      { ...ending('e', 'good'), title: "Tom & Jerry's <end>" },
    ]);
    const svg = renderScenarioGraph({ ...hostile, id: 'A & B <c>' }, analysePaths(hostile));
    const doc = parse(svg);
    expect(svg).not.toContain('<script>');
    expect(doc.documentElement.textContent).toContain('<script>alert("&")</script>');
    expect(doc.documentElement.textContent).toContain("Tom & Jerry's <end>");
    expect(doc.documentElement.getAttribute('aria-label')).toBe('Scenario graph: A & B <c>');
  });

  it('gives markers ids unique to the scenario, so two graphs can share a page', () => {
    const svg = renderScenarioGraph(carPark, analysis);
    expect(svg).toContain('id="sg-car_park-recommended"');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
