import { describe, expect, it } from 'vitest';
import { buildScenario, choice, decision, ending, scene } from './fixtures/build-scenario.ts';
import { carPark } from './fixtures/car-park.ts';
import { edgesOf, layoutGraph, NODE_H, NODE_W } from './graph-layout.ts';

const layout = layoutGraph(carPark);

function box(id: string) {
  const b = layout.boxes.get(id);
  if (!b) throw new Error(`no box for ${id}`);
  return b;
}

describe('edgesOf', () => {
  it('merges choices that lead to the same node into one edge with every label', () => {
    const message = edgesOf(carPark).filter((edge) => edge.from === 'message');
    expect(message).toEqual([
      {
        from: 'message',
        to: 'ending_resolved',
        labels: ['ignore if score ≥ 5', 'reply_professionally'],
      },
      { from: 'message', to: 'ending_uneasy', labels: ['ignore', 'reply_warmly'] },
      { from: 'message', to: 'follow_up', labels: ['reply_professionally if chose car_park.deflect'] },
    ]);
  });
});

describe('layoutGraph', () => {
  it('puts each node in the row of its longest distance from the start', () => {
    const rowOf = (id: string) => box(id).y;
    expect(rowOf('intro')).toBeLessThan(rowOf('car_park'));
    expect(rowOf('after_clear')).toBe(rowOf('ending_referral'));
    expect(rowOf('follow_up')).toBeLessThan(rowOf('ending_resolved'));
    expect(rowOf('ending_resolved')).toBe(rowOf('ending_uneasy'));
  });

  it('keeps the authored order of choices from left to right', () => {
    expect(box('after_clear').x).toBeLessThan(box('after_vague').x);
    expect(box('after_vague').x).toBeLessThan(box('ending_referral').x);
  });

  it('never overlaps two boxes', () => {
    const boxes = [...layout.boxes.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + NODE_W <= b.x || b.x + NODE_W <= a.x || a.y + NODE_H <= b.y || b.y + NODE_H <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('routes an edge that skips a row beside the nodes in that row, top to bottom', () => {
    const skipping = layout.edges.find((edge) => edge.from === 'message' && edge.to === 'ending_resolved');
    expect(skipping?.points).toHaveLength(4);
    const [, top, bottom] = skipping?.points ?? [];
    const followUp = box('follow_up');
    expect(top?.y).toBe(followUp.y);
    expect(bottom?.y).toBe(followUp.y + NODE_H);
    expect((top?.x ?? 0) < followUp.x || (top?.x ?? 0) > followUp.x + NODE_W).toBe(true);
  });

  it('draws every edge downwards except one that closes a loop', () => {
    const loop = buildScenario({ id: 'loop', start: 'd', passMark: 0.5, principles: ['p'] }, [
      decision('d', [choice('stop', { p: 1 }, 'end'), choice('again', { p: 0 }, 'retry')], 'stop'),
      scene('retry', 'd'),
      ending('end', 'good'),
    ]);
    const edges = layoutGraph(loop).edges;
    expect(edges.filter((edge) => edge.back).map((edge) => `${edge.from}>${edge.to}`)).toEqual(['retry>d']);
    for (const edge of edges.filter((e) => !e.back)) {
      const ys = edge.points.map((p) => p.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
  });
});
