// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analysePaths } from '../scenario/analyse-paths.ts';
import { carPark } from '../scenario/fixtures/car-park.ts';
import type { DecisionNode, Scenario, SceneNode } from '../scenario/model.ts';
import { nestHeadings } from './html.ts';
import { renderReviewPack } from './render-review-pack.ts';

const carParkDecision = carPark.nodes.car_park as DecisionNode;
const intro = carPark.nodes.intro as SceneNode;

/** The scoring fixture with what the pack shows besides: a citation, two references, a page, an illustration. */
const scenario: Scenario = {
  ...carPark,
  references: [
    { id: 'gmp', title: 'Good medical practice (2024)', publisher: 'GMC', url: 'https://example.org/gmp' },
    { id: 'unused', title: 'A source nobody cites', publisher: 'MDU' },
  ],
  pages: { key_points: { id: 'key_points', title: 'Key points', html: '<h2>In short</h2>\n<p>Say no.</p>' } },
  nodes: {
    ...carPark.nodes,
    intro: { ...intro, pages: ['key_points'], illustration: 'media/car.svg', illustrationAlt: 'A car park' },
    car_park: {
      ...carParkDecision,
      choices: carParkDecision.choices.map((c) =>
        c.id === 'decline_clearly'
          ? {
              ...c,
              label: 'Say <script>alert(1)</script> & leave',
              feedback: { ...c.feedback, guidance: [{ ref: 'gmp', para: '86' }] },
            }
          : c,
      ),
    },
  },
};

function render(from: Scenario = scenario) {
  const html = renderReviewPack({
    scenario: from,
    identity: {
      id: 'gp_test',
      title: 'Test module',
      version: '2.0.0',
      description: 'A test.',
      provider: 'Us',
    },
    analysis: analysePaths(from),
    illustrations: { 'media/car.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>' },
    generatedOn: '3 December 2025',
  });
  return { html, document: new DOMParser().parseFromString(html, 'text/html') };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the review pack', () => {
  it('shows plain text as typed: an author’s <script> is text, and the pack has no script', () => {
    const { html, document } = render();
    expect(text(document.querySelector('#choice-car_park\\.decline_clearly .choice-label'))).toBe(
      'Say <script>alert(1)</script> & leave',
    );
    expect(html).not.toMatch(/<script/i);
  });

  it('reads the recommended path first, then the other screens nearest the start first, then the endings', () => {
    const { document } = render();
    const ids = [...document.querySelectorAll('section.node')].map((s) => s.id);
    expect(ids).toEqual([
      'node-intro',
      'decision-car_park',
      'node-after_clear',
      'decision-message',
      'node-after_vague',
      'node-follow_up',
      'node-ending_resolved',
      'node-ending_referral',
      'node-ending_uneasy',
    ]);
  });

  it('gives each declared stage its part, in the declared order, titled as the learner sees it', () => {
    const staged: Scenario = {
      ...scenario,
      stages: [
        { id: 'prologue', title: 'Before it starts' },
        { id: 'unused', title: 'A stage no screen names', number: 1 },
        { id: 'car', title: 'The car park', number: 2 },
      ],
      nodes: {
        ...scenario.nodes,
        intro: { ...intro, stage: 'prologue' },
        car_park: { ...carParkDecision, stage: 'car' },
        after_vague: { ...(carPark.nodes.after_vague as SceneNode), stage: 'car' },
      },
    };
    const { document } = render(staged);
    const parts = [...document.querySelectorAll('section.stage')].map((part) => [
      part.id,
      text(part.querySelector('h2')),
      [...part.querySelectorAll('section.node')].map((node) => node.id).join(' '),
    ]);
    expect(parts).toEqual([
      ['stage-prologue', 'Before it starts', 'node-intro'],
      ['stage-car', 'Stage 2: The car park', 'decision-car_park node-after_vague'],
      ['stage-none', 'Screens outside the stages', 'node-after_clear decision-message node-follow_up'],
    ]);
  });

  it('links a citation to its reference, and the reference back to every choice citing it', () => {
    const { document } = render();
    const cited = document.querySelector('#choice-car_park\\.decline_clearly a[href="#ref-gmp"]');
    expect(text(cited?.parentElement)).toBe('GMC: Good medical practice (2024), paragraph 86');
    const back = document.querySelector('#ref-gmp a[href="#choice-car_park\\.decline_clearly"]');
    expect(text(back?.parentElement)).toBe('Decision car_park: “Chose decline_clearly” (paragraph 86)');
    expect(text(document.querySelector('#ref-unused'))).toContain('Not cited by any choice');
  });

  it('says where each branch leads, conditions in the order they are tried', () => {
    const { document } = render();
    const branches = [...document.querySelectorAll('#node-follow_up .leads-to li')].map(text);
    expect(branches).toEqual([
      'if the learner did not choose “Chose reply_warmly” at Decision message and the score so far is at least 7 → Ending ending_resolved (ending, good outcome)',
      'otherwise → Ending ending_uneasy (ending, mixed outcome)',
    ]);
    const into = [...document.querySelectorAll('#node-follow_up .reached-from li')].map(text);
    expect(into).toEqual([
      '“Chose reply_professionally” at Decision message (if the learner chose “Chose deflect” at Decision car_park)',
    ]);
  });

  it('gives each choice its class and its points, and each ending the paths that reach it', () => {
    const { document } = render();
    const glance = [...document.querySelectorAll('#decision-car_park table.glance tbody tr')].map((row) =>
      [...row.children].map(text).join(' | '),
    );
    expect(glance).toEqual([
      'Choice A: Chose decline_clearly | ✓ Recommended | 3 | 1 | 4',
      'Choice B: Chose deflect | – Acceptable | 1 | 1 | 2',
      'Choice C: Chose accept_drink | ✗ Poor | 0 | 0 | 0',
    ]);
    expect(text(document.querySelector('#node-ending_resolved .ending-paths'))).toBe(
      'Paths that end here 3 paths: 2 pass, 1 fail; scores 5 to 9',
    );
  });

  it('inlines illustrations as data URLs, and offers pages with their headings nested under the page title', () => {
    const { document } = render();
    const img = document.querySelector('#node-intro img');
    expect(img?.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    expect(img?.getAttribute('alt')).toBe('A car park');
    expect(document.querySelector('#node-intro a[href="#page-key_points"]')).not.toBeNull();
    expect(text(document.querySelector('#page-key_points h4'))).toBe('In short');
  });
});

describe('nestHeadings', () => {
  it('moves the highest heading to the level given and the rest with it', () => {
    expect(nestHeadings('<h2>A</h2><p>x</p><h3 id="b">B</h3>', 4)).toBe(
      '<h4>A</h4><p>x</p><h5 id="b">B</h5>',
    );
  });

  it('never goes past h6, and leaves escaped text alone', () => {
    expect(nestHeadings('<h1>A</h1><h4>D</h4><p>&lt;h2&gt;</p>', 4)).toBe(
      '<h4>A</h4><h6>D</h6><p>&lt;h2&gt;</p>',
    );
  });
});
