import { describe, expect, it } from 'vitest';
import { readCmi5LaunchParams } from './cmi5-launch-params.ts';

const actor = {
  objectType: 'Agent',
  name: 'Dr A Trainee',
  account: { homePage: 'https://lms.example', name: 'a1' },
};
const good = {
  endpoint: 'https://lms.example/lrs',
  fetch: 'https://lms.example/fetch/1',
  actor: JSON.stringify(actor),
  registration: '3307ea2e-be07-4429-83f9-f859106cbd95',
  activityId: 'https://lms.example/course/1/au/0',
};
const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('readCmi5LaunchParams', () => {
  it('reads the five parameters, the endpoint ready for resources to be appended', () => {
    const read = readCmi5LaunchParams(query(good));
    expect(read).toEqual({
      kind: 'valid',
      params: {
        endpoint: 'https://lms.example/lrs/',
        fetchUrl: good.fetch,
        actor,
        actorJson: good.actor,
        registration: good.registration,
        activityId: good.activityId,
      },
    });
  });

  it('says absent when the page was opened with none of them (no LMS launched it)', () => {
    expect(readCmi5LaunchParams('')).toEqual({ kind: 'absent' });
    expect(readCmi5LaunchParams('?lang=cy')).toEqual({ kind: 'absent' });
  });

  it('names the parameters a partial launch URL lacks', () => {
    const { fetch: _f, registration: _r, ...rest } = good;
    expect(readCmi5LaunchParams(query(rest))).toEqual({
      kind: 'invalid',
      reason: expect.stringContaining('lacks fetch, registration'),
    });
  });

  it.each([
    ['an actor that is not JSON', { actor: '{"name": "x",' }, 'actor is not valid JSON'],
    ['an actor that is a list', { actor: '[]' }, 'actor is not a JSON object'],
    [
      'a group as actor',
      { actor: JSON.stringify({ ...actor, objectType: 'Group' }) },
      'actor is not an Agent',
    ],
    ['an actor without account', { actor: JSON.stringify({ mbox: 'mailto:a@b.c' }) }, 'no account'],
    ['a registration that is not a UUID', { registration: '42' }, 'not a UUID'],
    ['an endpoint that is not a URL', { endpoint: '/lrs' }, 'endpoint "/lrs" is not an http(s) URL'],
    ['a fetch URL of another scheme', { fetch: 'javascript:alert(1)' }, 'is not an http(s) URL'],
    ['an activity id that is no IRI', { activityId: 'au 0' }, 'activityId "au 0" is not an IRI'],
  ])('refuses %s, saying why', (_what, change, reason) => {
    const read = readCmi5LaunchParams(query({ ...good, ...change }));
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.reason).toContain(reason);
  });
});
