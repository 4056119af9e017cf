import { describe, expect, it } from 'vitest';
import { type FetchLike, xapiRequest } from './xapi-http.ts';

const answering =
  (body: string | null, init: ResponseInit): FetchLike =>
  async () =>
    new Response(body, init);
const request = {
  method: 'POST',
  url: 'https://lrs.example/statements',
  auth: 'Basic dG9r',
  body: { a: 'é' },
} as const;

describe('xapiRequest', () => {
  it('sends the body exactly as JSON.stringify writes it, with the xAPI headers', async () => {
    let sent: RequestInit | undefined;
    await xapiRequest(request, true, {
      fetch: async (_url, init) => {
        sent = init;
        return new Response('["id"]', { headers: { 'Content-Type': 'application/json' } });
      },
    });
    expect(sent?.body).toBe('{"a":"é"}');
    expect(new Headers(sent?.headers).get('Authorization')).toBe('Basic dG9r');
    expect(new Headers(sent?.headers).get('X-Experience-API-Version')).toBe('1.0.3');
    expect(new Headers(sent?.headers).get('Content-Type')).toBe('application/json');
  });

  it('reads a JSON answer', async () => {
    const result = await xapiRequest(request, true, { fetch: answering('["id-1"]', { status: 200 }) });
    expect(result).toEqual({ ok: true, status: 200, json: ['id-1'], etag: null });
  });

  it('accepts an empty 204 whatever its Content-Type (ADL LRS answers a State PUT with text/html)', async () => {
    const fetch = answering(null, { status: 204, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    expect(await xapiRequest({ ...request, method: 'PUT' }, false, { fetch })).toMatchObject({
      ok: true,
      json: null,
    });
  });

  it('refuses an HTML page given instead of JSON, even with a 200', async () => {
    const fetch = answering('<!doctype html><title>Sign in</title>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await xapiRequest(request, true, { fetch })).toEqual({
      ok: false,
      failure: {
        kind: 'not-json',
        status: 200,
        message: 'an HTML page instead of JSON: <!doctype html><title>Sign in</title>',
      },
    });
  });

  it('refuses an empty answer where JSON was asked for', async () => {
    const result = await xapiRequest(request, true, { fetch: answering('', { status: 200 }) });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not-json' } });
  });

  it.each([401, 403, 500, 502])('reports HTTP %i with the start of its body', async (status) => {
    const result = await xapiRequest(request, true, { fetch: answering('{"message":"no"}', { status }) });
    expect(result).toEqual({ ok: false, failure: { kind: 'http', status, message: '{"message":"no"}' } });
  });

  it('reports no answer when fetch fails, and never throws', async () => {
    const result = await xapiRequest(request, true, {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'network', status: 0, message: 'Failed to fetch' },
    });
  });

  it('gives up on an answer that takes too long', async () => {
    const result = await xapiRequest(request, true, {
      timeoutMs: 10,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });
});
