import { describe, expect, it } from 'vitest';
import { fillPlaceholders, lineAndColumn, placeholderProblems } from './placeholders.ts';

const ALL = { title: 'Boundaries & you', version: '1.2.0', stageCount: '4', passMark: '75 %', minutes: '25' };

describe('Placeholders', () => {
  it('fills each known name, with spaces inside the braces allowed', () => {
    expect(fillPlaceholders('{{stageCount}} stages, pass at {{ passMark }}; v{{version}}', ALL)).toBe(
      '4 stages, pass at 75 %; v1.2.0',
    );
  });

  it('escapes values put into HTML, and leaves text without placeholders as it is', () => {
    const encode = (v: string) => v.replace(/&/g, '&amp;');
    expect(fillPlaceholders('<p>{{title}}</p>', ALL, encode)).toBe('<p>Boundaries &amp; you</p>');
    expect(fillPlaceholders('No braces & no change', ALL, encode)).toBe('No braces & no change');
  });

  it('reports an unknown name at its offset with the closest known one', () => {
    const [problem, ...rest] = placeholderProblems('There are {{stagecount}} stages.', ALL);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ index: 10, token: '{{stagecount}}', code: 'unknown-placeholder' });
    expect(problem?.hint).toContain('stageCount');
  });

  it('reports a "{{" never closed on its line', () => {
    expect(placeholderProblems('Pass at {{passMark\n}}', ALL).map((p) => [p.index, p.message])).toEqual([
      [8, '"{{" is not closed with "}}" on the same line'],
    ]);
  });

  it('reports a known name that has no value where it is used', () => {
    const [problem] = placeholderProblems('Welcome to {{title}}', { stageCount: '3' });
    expect(problem?.code).toBe('placeholder-without-value');
    expect(problem?.message).toContain('imsmanifest.xml');
  });

  it('gives 1-based line and column', () => {
    expect(lineAndColumn('ab\ncd{{x}}', 5)).toEqual({ line: 2, column: 3 });
  });
});
