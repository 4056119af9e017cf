// @vitest-environment jsdom
/**
 * The review pack of the project's own scenario holds everything a clinical reviewer signs off, each with
 * its anchor, and stands alone: no script, and nothing it would load from anywhere (its only web addresses
 * are the references' links, which are citations a reader follows, not requests the page makes).
 */
import { describe, expect, it } from 'vitest';
import { loadReviewInput } from '../scripts/review-input.ts';
import { renderReviewPack } from '../src/review/render-review-pack.ts';
import { PROJECT_SCENARIO_FILE } from './project-scenario.ts';

const loaded = loadReviewInput(PROJECT_SCENARIO_FILE, 'imsmanifest.xml', '3 December 2025');
if (!loaded.ok) throw new Error(`${PROJECT_SCENARIO_FILE} does not load`);
const { input } = loaded;
const { scenario } = input;
const html = renderReviewPack(input);
const document = new DOMParser().parseFromString(html, 'text/html');
const nodes = Object.values(scenario.nodes);

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The prose of compiled HTML as the pack's reader sees it. */
const proseOf = (compiled: string) => text(new DOMParser().parseFromString(compiled, 'text/html').body);
const byId = (id: string) => document.getElementById(id);

describe("the project's review pack", () => {
  it('names the module and its version from imsmanifest.xml, and lists every learning outcome', () => {
    expect(text(document.querySelector('h1'))).toBe(input.identity.title);
    const identity = [...document.querySelectorAll('.identity tr')].map((row) =>
      [...row.children].map(text).join(': '),
    );
    expect(identity).toContain(`Version: ${input.identity.version}`);
    for (const outcome of scenario.outcomes)
      expect(text(byId(`outcome-${outcome.id}`))).toContain(outcome.text);
  });

  it('has every decision with its prompt, and every choice with its label, class and feedback', () => {
    const decisions = nodes.filter((node) => node.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    for (const decision of decisions) {
      const section = byId(`decision-${decision.id}`);
      expect(text(section?.querySelector('h3'))).toBe(decision.title);
      expect(text(section)).toContain(decision.prompt);
      for (const choice of decision.choices) {
        const article = byId(`choice-${decision.id}.${choice.id}`);
        expect(article?.closest('section')).toBe(section);
        expect(text(article?.querySelector('.choice-label'))).toBe(choice.label);
        expect(text(article?.querySelector('.class-badge')).toLowerCase()).toContain(choice.class);
        expect(text(article)).toContain(choice.rationale);
        expect(text(article)).toContain(proseOf(choice.feedback.why));
      }
    }
  });

  it('has every scene and every ending, each ending with its debrief', () => {
    for (const node of nodes.filter((n) => n.kind !== 'decision')) {
      const section = byId(`node-${node.id}`);
      expect(text(section?.querySelector('h3'))).toBe(node.title);
      expect(text(section)).toContain(proseOf(node.body));
      if (node.kind === 'ending') expect(text(section)).toContain(proseOf(node.debrief));
    }
  });

  it('has every content page and every reference, each reference linking back to the choices citing it', () => {
    for (const page of Object.values(scenario.pages)) {
      expect(text(byId(`page-${page.id}`)?.querySelector('h3'))).toBe(page.title);
    }
    for (const reference of scenario.references)
      expect(text(byId(`ref-${reference.id}`))).toContain(reference.title);
    for (const decision of nodes.filter((node) => node.kind === 'decision')) {
      for (const choice of decision.choices) {
        for (const { ref } of choice.feedback.guidance) {
          expect(
            byId(`ref-${ref}`)?.querySelector(`a[href="#choice-${decision.id}.${choice.id}"]`),
          ).not.toBeNull();
        }
      }
    }
  });

  it('gives each anchor once, and every link inside the pack lands on one', () => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.length).toBeGreaterThan(nodes.length);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const targets = [...document.querySelectorAll('a[href^="#"]')].map((a) =>
      a.getAttribute('href')?.slice(1),
    );
    expect(targets.filter((id) => id === undefined || !ids.includes(id))).toEqual([]);
  });

  it('runs no script and loads nothing: images are data: URLs, and the only web links are the references’', () => {
    expect(html).not.toMatch(/<script/i);
    expect(document.querySelectorAll('[src]:not(img), link, iframe, object, embed')).toHaveLength(0);
    const images = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((src) => !src.startsWith('data:image/svg+xml,'))).toEqual([]);
    const citations = new Set(scenario.references.flatMap((r) => (r.url ? [r.url] : [])));
    const external = [...document.querySelectorAll('[href]')]
      .map((element) => element.getAttribute('href') ?? '')
      .filter((href) => !href.startsWith('#'));
    expect(external.filter((href) => !citations.has(href))).toEqual([]);
    expect(text(document.querySelector('style'))).not.toMatch(/url\(|@import/);
  });

  it('nests its HTML as written: no list, table or block inside a paragraph (a parser would split it)', () => {
    expect(
      html.match(/<p\b[^>]*>(?:(?!<\/p>)[\s\S])*?<(?:ul|ol|div|table|section|blockquote|dl|h[1-6])\b/g) ?? [],
    ).toEqual([]);
  });

  it('states the scoring rationale with the figures of the path analysis', () => {
    const { counts } = input.analysis;
    const scoring = text(byId('scoring'));
    expect(scoring).toContain(`There are ${counts.paths} paths`);
    expect(scoring).toContain(`${counts.passing} pass and ${counts.failing} fail`);
    expect(text(byId('time'))).toContain(`plan for ${scenario.minutes} minutes`);
  });
});
