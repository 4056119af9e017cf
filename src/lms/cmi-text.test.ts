import { describe, expect, it } from 'vitest';
import {
  decodeLearnerComment,
  displayLearnerName,
  encodeLearnerComment,
  fitLength,
  toDescription,
  toXmlSafe,
} from './cmi-text.ts';

describe('XML-safe text', () => {
  it('drops control characters and lone surrogates but keeps tabs, line breaks and emoji', () => {
    expect(toXmlSafe('a\u0000b\u0007c\td\ne\rf\uFFFF')).toBe('abc\td\ne\rf');
    expect(toXmlSafe('x\uD83Dy')).toBe('xy');
    expect(toXmlSafe('x\uDE00y')).toBe('xy');
    expect(toXmlSafe('ok 😀')).toBe('ok 😀');
  });
});

describe('fitting a length', () => {
  it('leaves short text alone', () => {
    expect(fitLength('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });

  it('cuts before a surrogate pair rather than through it', () => {
    expect(fitLength('ab😀', 3)).toEqual({ text: 'ab', truncated: true });
    expect(fitLength('abc😀', 3)).toEqual({ text: 'abc', truncated: true });
  });
});

describe('interaction descriptions', () => {
  it('makes one line of at most 250 characters, ending in an ellipsis when cut', () => {
    const long = `Stage 1 – patient asks\nthe GP out ${'x'.repeat(300)}`;
    const description = toDescription(long);
    expect(description).toHaveLength(250);
    expect(description.endsWith('…')).toBe(true);
    expect(description).not.toMatch(/[\n\t]/);
  });

  it('never starts with a brace, which reads as a language tag', () => {
    expect(toDescription('{note} text')).toBe('(note} text');
  });
});

describe('learner comments (SCORM 2004)', () => {
  it('carries line breaks as ¶ and back', () => {
    const text = 'First thought.\nSecond thought.\r\nThird.';
    const { text: encoded } = encodeLearnerComment(text);
    expect(encoded).toBe('First thought.¶Second thought.¶Third.');
    expect(decodeLearnerComment(encoded)).toBe('First thought.\nSecond thought.\nThird.');
  });

  it('protects a leading brace and restores it', () => {
    const { text: encoded } = encodeLearnerComment('{curly} start');
    expect(encoded).toBe(' {curly} start');
    expect(decodeLearnerComment(encoded)).toBe('{curly} start');
  });

  it('says when it had to shorten the text to 4000', () => {
    const result = encodeLearnerComment('y'.repeat(4001));
    expect(result.truncated).toBe(true);
    expect(result.text).toHaveLength(4000);
  });
});

describe('learner names', () => {
  it.each([
    ['Patel, Sam', 'Sam Patel'],
    ['  Okafor ,  Ada  Grace ', 'Ada Grace Okafor'],
    ['Sam Patel', 'Sam Patel'],
    ['Patel,', 'Patel'],
    ['', null],
  ])('shows %j as %j', (raw, expected) => {
    expect(displayLearnerName(raw)).toBe(expected);
  });
});
