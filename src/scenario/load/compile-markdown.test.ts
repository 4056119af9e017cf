import { describe, expect, it } from 'vitest';
import { ContentPageError, compileContentPage, compileMarkdown, smartenText } from './compile-markdown.ts';

describe('compileMarkdown', () => {
  it('shows raw HTML as text, so a script an author types never runs', () => {
    const html = compileMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses javascript: links', () => {
    expect(compileMarkdown('[click](javascript:alert(1))')).not.toContain('href');
  });

  it('opens links in a new window so the course frame stays put', () => {
    expect(compileMarkdown('[GMC](https://www.gmc-uk.org/)')).toBe(
      '<p><a href="https://www.gmc-uk.org/" target="_blank" rel="noopener noreferrer">GMC</a></p>\n',
    );
  });

  it('does not fetch images: an image reference stays text', () => {
    expect(compileMarkdown('![tracker](https://example.com/t.png)')).not.toContain('<img');
  });

  it('sets quotes and dashes typographically', () => {
    expect(compileMarkdown('"Hello" -- there')).toBe('<p>“Hello” – there</p>\n');
  });

  it('curls single quotes and turns an apostrophe into ’', () => {
    expect(compileMarkdown("'It's fine,' he says.")).toBe('<p>‘It’s fine,’ he says.</p>\n');
  });
});

describe('smartenText', () => {
  it('gives plain text the same quotes, apostrophes and dashes as the Markdown prose', () => {
    const text = `"Don't," she says -- 'not here'.`;
    expect(smartenText(text)).toBe('“Don’t,” she says – ‘not here’.');
    expect(compileMarkdown(text)).toBe(`<p>${smartenText(text)}</p>\n`);
  });

  it('leaves Markdown, HTML and entities as typed: the text stays plain, for the UI to escape', () => {
    expect(smartenText("A *patient's* <b>card</b> &amp; [link](x)")).toBe(
      'A *patient’s* <b>card</b> &amp; [link](x)',
    );
  });

  it('leaves text without quotes untouched', () => {
    expect(smartenText('Decline kindly and clearly.')).toBe('Decline kindly and clearly.');
  });
});

describe('compileContentPage', () => {
  it('takes the first level-1 heading as the title and renders the rest', () => {
    const page = compileContentPage('privacy', '# Your *privacy* online\n\nKeep profiles private.\n');
    expect(page).toEqual({
      id: 'privacy',
      title: 'Your privacy online',
      html: '<p>Keep profiles private.</p>\n',
    });
  });

  it('keeps text that comes before the title', () => {
    expect(compileContentPage('p', 'Intro\n\n# Title\n\nBody').html).toBe('<p>Intro</p>\n<p>Body</p>\n');
  });

  it('sets the title typographically too', () => {
    expect(compileContentPage('p', "# A patient's gift\n").title).toBe('A patient’s gift');
  });

  it('refuses a page with no # heading', () => {
    expect(() => compileContentPage('privacy', '## Only a subheading\n')).toThrow(ContentPageError);
  });

  it('refuses a page whose id has a hyphen', () => {
    expect(() => compileContentPage('social-media', '# Social media\n')).toThrow('not a valid page id');
  });
});
