import { describe, expect, it } from 'vitest';
import { formatCitation } from './format-citation.ts';
import { fixtureScenario } from './test-fixtures/scenario.ts';

const refs = fixtureScenario.references;

describe('formatCitation', () => {
  it('names the document and its paragraph', () => {
    expect(formatCitation({ ref: 'gmp2024', para: '86' }, refs)).toBe(
      'General Medical Council: Good medical practice (2024), paragraph 86',
    );
  });

  it('says "paragraphs" for a range', () => {
    expect(formatCitation({ ref: 'gmp2024', para: '94–96' }, refs)).toBe(
      'General Medical Council: Good medical practice (2024), paragraphs 94–96',
    );
  });

  it('gives publisher and title alone for an unnumbered source', () => {
    expect(formatCitation({ ref: 'mdu' }, refs)).toBe('Medical Defence Union: MDU advice on social media');
  });
});
