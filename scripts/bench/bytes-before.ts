import type { ResourceRecord } from './harness-types.ts';

export interface BytesBefore {
  /** Requests for the SCO's files started before the moment, finished or not. */
  readonly requests: number;
  /** Response bodies finished by the moment: as sent (gzip) and as decoded. */
  readonly gzipBytes: number;
  readonly rawBytes: number;
  /** Bodies plus response headers, as the network carried them. */
  readonly transferBytes: number;
}

/**
 * What the SCO had loaded when its first choice was painted, from the frame's Resource Timing (same origin,
 * so every size is exposed): its own navigation entry and its resources, counted when `url` is under `prefix`.
 */
export function bytesBefore(resources: readonly ResourceRecord[], prefix: string, at: number): BytesBefore {
  const ours = resources.filter(
    (entry) => new URL(entry.url).pathname.startsWith(prefix) && entry.start <= at,
  );
  const finished = ours.filter((entry) => entry.end <= at);
  const sum = (key: 'encodedBodySize' | 'decodedBodySize' | 'transferSize') =>
    finished.reduce((total, entry) => total + entry[key], 0);
  return {
    requests: ours.length,
    gzipBytes: sum('encodedBodySize'),
    rawBytes: sum('decodedBodySize'),
    transferBytes: sum('transferSize'),
  };
}
