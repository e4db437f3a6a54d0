import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPreviewHost } from '../../electron/preview/server';
import type { PreviewHost } from '../../electron/preview/server';
import { projectPaths } from '../../electron/launcher/project-paths';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore } from '../support/core-fixture';
import { rawRequest, rpc } from '../support/http';

let fixture: CoreFixture;
let host: PreviewHost;

beforeAll(async () => {
  fixture = openTestCore();
  host = await startPreviewHost({ core: fixture.core, rendererDir: projectPaths().rendererBuild, port: 0 });
});
afterAll(async () => {
  await host.close();
  fixture.dispose();
});

const cookieName = (): string => `assessor_preview_${host.port}`;

describe('preview host access checks', () => {
  it('binds loopback only and prints a link carrying the secret', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?secret=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses a request without the secret, or with a wrong one', async () => {
    expect((await rawRequest(host.port, { path: '/' })).status).toBe(401);
    expect((await rawRequest(host.port, { path: '/?secret=wrong' })).status).toBe(401);
    expect((await rpc(host.port, 'x'.repeat(32), 'workspace.summary', {})).status).toBe(401);
    expect((await rawRequest(host.port, { path: '/', headers: { cookie: `${cookieName()}=nope` } })).status).toBe(401);
  });

  it('refuses a foreign Host header even with the secret (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '']) {
      const response = await rawRequest(host.port, { path: '/', headers: { host: hostHeader || ' ', 'x-assessor-secret': host.secret } });
      expect(response.status, hostHeader).toBe(403);
    }
  });

  it('refuses a foreign Origin even with the secret (cross-site requests)', async () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const response = await rawRequest(host.port, {
        method: 'POST',
        path: '/rpc/workspace.summary',
        headers: { origin, 'content-type': 'application/json', 'x-assessor-secret': host.secret },
        body: '{}',
      });
      expect(response.status, origin).toBe(403);
    }
  });

  it('trades the link’s secret for an HttpOnly SameSite cookie and drops it from the address', async () => {
    const response = await rawRequest(host.port, { path: `/?secret=${host.secret}` });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain(`${cookieName()}=${host.secret}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await rawRequest(host.port, { path: '/', headers: { cookie: `${cookieName()}=${host.secret}`, origin: host.url.slice(0, host.url.indexOf('/?')) } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('does not serve files outside the renderer build', async () => {
    const response = await rawRequest(host.port, { path: '/..%2f..%2fpackage.json', headers: { 'x-assessor-secret': host.secret } });
    expect(response.body).not.toContain('"allowScripts"');
  });
});

describe('preview host RPC', () => {
  it('answers contract calls with the result envelope', async () => {
    const response = await rpc(host.port, host.secret, 'workspace.summary', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { isDemo: true } });
  });

  it('turns bad bodies into invalid_input, not crashes', async () => {
    const headers = { 'content-type': 'application/json', 'x-assessor-secret': host.secret };
    const notJson = await rawRequest(host.port, { method: 'POST', path: '/rpc/queue.list', headers, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tooBig = await rawRequest(host.port, { method: 'POST', path: '/rpc/queue.list', headers, body: JSON.stringify({ batchId: 'x'.repeat(2_000_000) }) });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const wrongType = await rawRequest(host.port, { method: 'POST', path: '/rpc/queue.list', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' });
    expect(wrongType.status).toBe(415);
    const invalid = await rpc(host.port, host.secret, 'queue.list', { batchId: ['demo-batch'] });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await rpc(host.port, host.secret, 'nope.nothing', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const stillAlive = await rpc(host.port, host.secret, 'app.info', {});
    expect(JSON.parse(stillAlive.body)).toMatchObject({ ok: true });
  });
});

describe('preview host events (WebSocket)', () => {
  const connect = (headers: Record<string, string>): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${host.port}/events`, { headers });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`refused ${response.statusCode}`)));
    });

  it('refuses sockets without the secret or from a foreign origin', async () => {
    await expect(connect({})).rejects.toThrow();
    await expect(connect({ origin: 'https://evil.example', cookie: `${cookieName()}=${host.secret}` })).rejects.toThrow();
  });

  it('pushes queue changes to an authorised socket', async () => {
    const socket = await connect({ cookie: `${cookieName()}=${host.secret}`, origin: `http://127.0.0.1:${host.port}` });
    const received = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    await rpc(host.port, host.secret, 'draft.setScore', { submissionId: 'demo-sub-002', criterionId: 'ci-ov-context', level: 3 });
    await expect(received).resolves.toEqual({
      event: 'queue.changed',
      payload: { batchId: 'demo-batch', submissionId: 'demo-sub-002', status: 'in_progress' },
    });
    socket.close();
  });
});

describe('preview host evidence streaming', () => {
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(host.port, { path, headers: { 'x-assessor-secret': host.secret, ...headers } });

  it('streams evidence by opaque id with Range support', async () => {
    const whole = await get('/evidence/demo-ev-002-video');
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['cache-control']).toBe('no-store');
    const size = Number(whole.headers['content-length']);
    const part = await get('/evidence/demo-ev-002-video', { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(part.headers['content-length']).toBe('100');
    expect((await get('/evidence/demo-ev-002-video', { range: `bytes=${size}-` })).status).toBe(416);
  });

  it('serves captions, and nothing for unknown ids, text evidence or paths', async () => {
    const captions = await get('/evidence/demo-ev-001-video/captions');
    expect(captions.status).toBe(200);
    expect(captions.body.startsWith('WEBVTT')).toBe(true);
    expect((await get('/evidence/no-such-item')).status).toBe(404);
    expect((await get('/evidence/demo-ev-001-reflection')).status).toBe(404);
    expect((await get('/evidence/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/evidence/demo-ev-002-video/captions')).status).toBe(404);
  });

  it('requires the secret for evidence like everything else', async () => {
    expect((await rawRequest(host.port, { path: '/evidence/demo-ev-002-video' })).status).toBe(401);
  });
});
