import { describe, expect, it } from 'vitest';
import { floorPageHtml } from './floor-page-html.ts';

describe('floorPageHtml', () => {
  it('puts the button where the module showed it, each other line a paragraph', () => {
    const html = floorPageHtml('Title\n\nIntro & more\nStart\nAfter', 'Start');
    expect(html).toContain(
      '<main>\n<p>Title</p>\n<p>Intro &amp; more</p>\n<button type="button">Start</button>\n<p>After</p>\n</main>',
    );
  });

  it('adds the button at the end when no line is its label', () => {
    expect(floorPageHtml('Only text', 'Go')).toContain('<p>Only text</p>\n<button type="button">Go</button>');
  });

  it('has no script and no stylesheet', () => {
    expect(floorPageHtml('<script>x</script>', 'Start')).not.toMatch(/<script|<link|<style/);
  });
});
