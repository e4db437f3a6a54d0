import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { retryDelayMs } from '../../electron/core/hosted/outbox/backoff';

/** A loopback server that answers whatever the current test tells it to, to feed the client bad input. */
let answer: { status: number; headers?: Record<string, string>; body: string } = { status: 200, body: '{}' };
let server: Server;
let client: HostedApiClient;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  client = new HostedApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessToken: () => 'token-for-tests-only-000' });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the hosted API client refuses bad input with a clear failure', () => {
  it.each([
    ['malformed JSON', { status: 200, body: '{"assignments": [' }, 'malformed'],
    ['an HTML page with status 200', { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>Captive portal</h1>' }, 'malformed'],
    ['wrong types', { status: 200, body: JSON.stringify({ assignments: [{ submissionId: 42 }] }) }, 'malformed'],
    ['missing fields', { status: 200, body: JSON.stringify({}) }, 'malformed'],
    ['an absurd size', { status: 200, body: JSON.stringify({ assignments: Array.from({ length: 10_001 }, () => ({})) }) }, 'malformed'],
    ['a server error', { status: 503, body: JSON.stringify({ error: { code: 'down', message: 'Maintenance' } }) }, 'server'],
    ['a 409 that breaks the contract', { status: 409, body: JSON.stringify({ nope: true }) }, 'malformed'],
    ['an unexpected status', { status: 302, headers: { location: 'http://elsewhere.example/' }, body: '' }, 'network'],
  ])('%s', async (_name, reply, kind) => {
    answer = reply;
    const result = await client.assignments();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe(kind);
  });

  it('stops reading an endless body (no Content-Length) once it is absurdly large', async () => {
    const endless = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
      const block = Buffer.alloc(1024 * 1024, 0x20);
      const more = (): void => {
        while (response.write(block)) if (response.writableLength > 64 * 1024 * 1024) return;
        response.once('drain', more);
      };
      response.write('{"assignments": [');
      more();
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', () => resolve()));
    try {
      const result = await new HostedApiClient({ baseUrl: `http://127.0.0.1:${(endless.address() as AddressInfo).port}`, accessToken: () => 'token' }).assignments();
      expect(result).toMatchObject({ ok: false, failure: { kind: 'malformed', message: expect.stringMatching(/absurdly large/) as string } });
    } finally {
      endless.closeAllConnections();
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });

  it('reads Retry-After on 429 and caps it', async () => {
    answer = { status: 429, headers: { 'retry-after': '7' }, body: '{}' };
    expect(await client.assignments()).toEqual({ ok: false, failure: { kind: 'throttled', retryAfterMs: 7000 } });
    answer = { status: 429, headers: { 'retry-after': '999999' }, body: '{}' };
    expect(await client.assignments()).toEqual({ ok: false, failure: { kind: 'throttled', retryAfterMs: 3_600_000 } });
  });

  it('reports a refused connection as a network failure', async () => {
    const offline = new HostedApiClient({ baseUrl: 'http://127.0.0.1:9', accessToken: () => null, timeoutMs: 2000 });
    const result = await offline.assignments();
    expect(!result.ok && result.failure.kind).toBe('network');
  });
});

describe('retry delays', () => {
  it('grow exponentially with full jitter, capped, and never undercut Retry-After', () => {
    const policy = { baseMs: 500, capMs: 60_000 };
    expect(retryDelayMs(0, policy, () => 0.999)).toBe(499);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(2000);
    expect(retryDelayMs(20, policy, () => 0.999)).toBe(59_940);
    expect(retryDelayMs(2, policy, () => 0, 3000)).toBe(3000);
    expect(retryDelayMs(2, policy, () => 0)).toBe(0);
  });
});
