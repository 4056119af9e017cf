import { describe, expect, it } from 'vitest';
import { bytesBefore } from './bytes-before.ts';
import type { ResourceRecord } from './harness-types.ts';

const entry = (url: string, start: number, end: number, encoded: number): ResourceRecord => ({
  url: `http://127.0.0.1:4000${url}`,
  start,
  end,
  transferSize: encoded + 300,
  encodedBodySize: encoded,
  decodedBodySize: encoded * 3,
});

describe('bytesBefore', () => {
  const resources = [
    entry('/pkg/index.html', 0, 100, 300),
    entry('/pkg/assets/app.js', 120, 900, 20_000),
    entry('/pkg/media/late.svg', 950, 1500, 700),
    entry('/lms/scorm2004.min.js', 0, 80, 100_000),
  ];

  it('sums the bodies of the package files finished by the moment, gzip and raw', () => {
    expect(bytesBefore(resources, '/pkg/', 1000)).toEqual({
      requests: 3,
      gzipBytes: 20_300,
      rawBytes: 60_900,
      transferBytes: 20_900,
    });
  });

  it('counts a request still in flight, but not its bytes', () => {
    expect(bytesBefore(resources, '/pkg/', 500)).toMatchObject({ requests: 2, gzipBytes: 300 });
  });
});
