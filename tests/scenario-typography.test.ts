/**
 * Quotation marks read the same everywhere a learner looks: choice labels, titles and prompts (plain text),
 * the prose compiled from Markdown and the content pages all use typographic quotes and apostrophes, so a
 * label's “maybe another time” and a scene's “Lilies. Always lilies.” look alike.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/scenario/model.ts';
import { projectScenario } from './project-scenario';

const scenario: Scenario = projectScenario();

/** The text a learner reads in compiled HTML: tags and their attributes dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function learnerText(s: Scenario): [string, string][] {
  const texts: [string, string][] = [];
  for (const o of s.outcomes) texts.push([`outcome ${o.id}`, o.text]);
  for (const p of s.principles) texts.push([`principle ${p.id}`, `${p.label} ${p.description}`]);
  for (const r of s.references) texts.push([`reference ${r.id}`, `${r.title} ${r.publisher}`]);
  for (const node of Object.values(s.nodes)) {
    texts.push([node.id, `${node.title} ${visibleText(node.body)}`]);
    if (node.kind === 'ending') texts.push([`${node.id} debrief`, visibleText(node.debrief)]);
    if (node.kind !== 'decision') continue;
    texts.push([`${node.id} prompt`, node.prompt]);
    for (const c of node.choices) {
      const { consequence, why } = c.feedback;
      texts.push([
        `${node.id}.${c.id}`,
        `${c.label} ${c.short} ${visibleText(consequence)} ${visibleText(why)}`,
      ]);
    }
  }
  for (const page of Object.values(s.pages))
    texts.push([`page ${page.id}`, `${page.title} ${visibleText(page.html)}`]);
  return texts;
}

describe('quotation marks a learner reads', () => {
  it.each(learnerText(scenario))('%s uses typographic quotes and apostrophes only', (_where, text) => {
    expect(text).not.toMatch(/["']/);
  });

  it('finds the quotes it checks: a label and a scene body both use curly quotes', () => {
    const all = learnerText(scenario)
      .map(([, text]) => text)
      .join(' ');
    expect(all).toContain('“maybe another time”');
    expect(all).toContain('“Lilies. Always lilies.”');
  });
});
