import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PreviewCredentials } from '../../electron/preview/access';
import { PageTokens } from '../../electron/preview/page-tokens';
import { startPreviewHost } from '../../electron/preview/server';
import type { PreviewHost } from '../../electron/preview/server';
import { projectPaths } from '../../electron/launcher/project-paths';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore } from '../support/core-fixture';
import { rawRequest, rpc } from '../support/http';
import { until } from '../support/until';

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

const origin = (): string => `http://127.0.0.1:${host.port}`;

/** Opens the printed link as a browser would: the secret is traded for a page token in the redirect's fragment. */
async function pageToken(on = host): Promise<string> {
  const response = await rawRequest(on.port, { path: `/?secret=${on.secret}` });
  const token = /#session=([A-Za-z0-9_-]+)$/.exec(String(response.headers.location))?.[1];
  if (!token) throw new Error(`no token in ${String(response.headers.location)}`);
  return token;
}

const rpcWith = (headers: Record<string, string>, method: string, input: unknown = {}, on = host) =>
  rawRequest(on.port, { method: 'POST', path: `/rpc/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

/** An event socket as a page (or, with the secret header, a program) opens it; rejects with a refusal's status and text. */
const connect = (protocols: string[], headers: Record<string, string> = {}, on = host): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${on.port}/events`, protocols, { headers: { origin: `http://127.0.0.1:${on.port}`, ...headers } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => reject(new Error(`refused ${response.statusCode}: ${text}`)));
    });
  });
const tokenProtocols = (token: string): string[] => ['assessor.events.v1', `assessor.token.${token}`];
/** A socket as soon as the host has a slot for it: the host frees a closed socket's slot when it sees the connection end, a moment after the client. */
async function connectOnceFree(protocols: string[], headers: Record<string, string> = {}): Promise<WebSocket> {
  let socket: WebSocket | null = null;
  await until(async () => (socket = await connect(protocols, headers).catch(() => null)) !== null, 'a closed socket’s slot to be free again');
  return socket!;
}

describe('preview host access checks', () => {
  it('binds loopback only and prints a link carrying the secret', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?secret=[A-Za-z0-9_-]{32}$`));
  });

  it('trades the link’s secret for a page token in the fragment of a same-origin redirect, never a cookie', async () => {
    const response = await rawRequest(host.port, { path: `/?secret=${host.secret}` });
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/#session=[A-Za-z0-9_-]{40,}$/);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    const token = await pageToken();
    const summary = await rpcWith({ authorization: `Bearer ${token}` }, 'workspace.summary');
    expect(JSON.parse(summary.body)).toMatchObject({ ok: true, value: { isDemo: true } });
  });

  it('serves the page itself to anyone on this origin, but no data without a credential', async () => {
    const page = await rawRequest(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await rpcWith({}, 'workspace.summary')).status).toBe(401);
    expect((await rpcWith({ authorization: 'Bearer not-a-token-at-all-but-long-enough' }, 'workspace.summary')).status).toBe(401);
    expect((await rpc(host.port, 'x'.repeat(32), 'workspace.summary', {})).status).toBe(401);
    expect((await rawRequest(host.port, { path: '/?secret=wrong' })).status).toBe(401);
  });

  it('accepts no credential from a cookie, the secret included (browsers send cookies to every port)', async () => {
    for (const cookie of [`assessor_preview_${host.port}=${host.secret}`, `secret=${host.secret}`, `session=${await pageToken()}`]) {
      expect((await rpcWith({ cookie }, 'workspace.summary')).status, cookie).toBe(401);
    }
  });

  it('redirects the secret exchange only to a path on this host', async () => {
    for (const [path, expected] of [
      [`/.//evil.com/?secret=${host.secret}`, '/'],
      [`//evil.com/?secret=${host.secret}`, '/'],
      [`/%5Cevil.com/?secret=${host.secret}`, '/%5Cevil.com/'],
      [`/\\evil.com/?secret=${host.secret}`, '/'],
      [`/queue?x=1&secret=${host.secret}`, '/queue?x=1'],
    ] as const) {
      const location = String((await rawRequest(host.port, { path })).headers.location);
      expect(location.split('#')[0], path).toBe(expected);
      expect(new URL(location, origin()).origin, path).toBe(origin());
    }
  });

  it('refuses a foreign Host header even with the secret (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '']) {
      const response = await rawRequest(host.port, { path: '/', headers: { host: hostHeader || ' ', 'x-assessor-secret': host.secret } });
      expect(response.status, hostHeader).toBe(403);
    }
  });

  it('refuses a foreign Origin even with a valid token (cross-site requests)', async () => {
    const token = await pageToken();
    for (const foreign of ['https://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      expect((await rpcWith({ origin: foreign, authorization: `Bearer ${token}` }, 'workspace.summary')).status, foreign).toBe(403);
    }
  });

  it('answers 400 to an address it cannot decode, and stays up', async () => {
    const headers = { 'x-assessor-secret': host.secret };
    expect((await rawRequest(host.port, { method: 'POST', path: '/rpc/%ZZ', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
    expect((await rawRequest(host.port, { path: '/evidence/%ZZ', headers })).status).toBe(400);
    expect((await rawRequest(host.port, { path: '/%E0%A4%A', headers })).status).toBe(400);
    expect(JSON.parse((await rpc(host.port, host.secret, 'app.info', {})).body)).toMatchObject({ ok: true });
  });

  it('does not serve files outside the renderer build', async () => {
    const response = await rawRequest(host.port, { path: '/..%2f..%2fpackage.json' });
    expect(response.body).not.toContain('"allowScripts"');
  });
});

describe('preview host RPC', () => {
  it('answers contract calls with the result envelope', async () => {
    const response = await rpc(host.port, host.secret, 'workspace.summary', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { isDemo: true } });
  });

  it('accepts exactly application/json, and turns bad bodies into invalid_input, not crashes', async () => {
    const send = (contentType: string, body = '{}') => rawRequest(host.port, { method: 'POST', path: '/rpc/app.info', headers: { 'content-type': contentType, 'x-assessor-secret': host.secret }, body });
    expect((await send('application/json')).status).toBe(200);
    expect((await send('Application/JSON; charset=UTF-8')).status).toBe(200);
    for (const wrong of ['text/plain', 'application/jsonx', 'application/json-patch+json', 'application/json; boundary=x', 'multipart/form-data; application/json']) {
      expect((await send(wrong)).status, wrong).toBe(415);
    }
    const notJson = await send('application/json', '{nope');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tooBig = await send('application/json', JSON.stringify({ batchId: 'x'.repeat(2_000_000) }));
    expect(tooBig.status).toBe(413);
    const invalid = await rpc(host.port, host.secret, 'queue.list', { batchId: ['demo-batch'] });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await rpc(host.port, host.secret, 'nope.nothing', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.parse((await rpc(host.port, host.secret, 'app.info', {})).body)).toMatchObject({ ok: true });
  });
});

describe('preview host events (WebSocket)', () => {
  const withToken = async (): Promise<string[]> => tokenProtocols(await pageToken());
  const closed = (socket: WebSocket): Promise<number> => new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  const nextEvent = (socket: WebSocket): Promise<unknown> => new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));

  it('refuses sockets without a token, with a wrong one, with a cookie, or from a foreign origin', async () => {
    await expect(connect(['assessor.events.v1'])).rejects.toThrow(/401/);
    await expect(connect(['assessor.events.v1', 'assessor.token.wrong-token-wrong-token'])).rejects.toThrow(/401/);
    await expect(connect(['assessor.events.v1'], { cookie: `assessor_preview_${host.port}=${host.secret}` })).rejects.toThrow(/401/);
    await expect(connect(await withToken(), { origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('pushes queue changes to a socket that offered the page token', async () => {
    const socket = await connect(await withToken());
    expect(socket.protocol).toBe('assessor.events.v1'); // the token is never echoed back
    const received = nextEvent(socket);
    await rpc(host.port, host.secret, 'draft.setScore', { submissionId: 'demo-sub-002', criterionId: 'ci-ov-context', level: 3 });
    await expect(received).resolves.toEqual({ rpc: 'event', event: 'queue.changed', payload: { batchId: 'demo-batch', submissionId: 'demo-sub-002', status: 'in_progress', outcome: null } });
    socket.close();
  });

  it('answers the page’s calls on its socket, each by its id, and ignores what is not a call', async () => {
    const socket = await connect(await withToken());
    const replies: unknown[] = [];
    socket.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString())));
    socket.send('not json');
    socket.send(JSON.stringify({ rpc: 'call', id: 'one', method: 'invoke', input: { method: 'app.info', input: {} } }));
    socket.send(JSON.stringify({ rpc: 'call', id: 7, method: 'invoke', input: { method: 'no.such', input: {} } }));
    socket.send(JSON.stringify({ rpc: 'call', id: 8, method: 'invoke', input: { method: 'app.info', input: {} } }));
    socket.send(JSON.stringify({ rpc: 'call', id: 9, method: 'somethingElse', input: {} }));
    await until(() => Promise.resolve(replies.length >= 3), 'the three calls to be answered');
    expect(replies.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)).toEqual([
      { rpc: 'reply', id: 7, ok: true, value: { ok: false, error: { code: 'unknown_method', message: expect.any(String) as unknown } } },
      { rpc: 'reply', id: 8, ok: true, value: { ok: true, value: expect.objectContaining({ version: expect.any(String) as unknown }) as unknown } },
      { rpc: 'reply', id: 9, ok: false, error: { code: 'unknown_method', message: expect.any(String) as unknown } },
    ]);
    socket.close();
  });

  it('closes only the socket that sends an oversized or invalid frame; the host and other sockets carry on', async () => {
    const bystander = await connect(await withToken());
    const oversized = await connect(await withToken());
    const oversizedClosed = closed(oversized);
    oversized.send('x'.repeat(1024 * 1024 + 1));
    expect(await oversizedClosed).toBe(1009); // message too big
    const invalid = await connect(await withToken());
    const invalidClosed = closed(invalid);
    invalid.send(Buffer.from([0xc3, 0x28, 0xff, 0xfe]), { binary: false }); // not UTF-8, sent as text
    expect(await invalidClosed).toBe(1007); // invalid frame payload data
    const received = nextEvent(bystander);
    await rpc(host.port, host.secret, 'draft.setScore', { submissionId: 'demo-sub-002', criterionId: 'ci-ov-context', level: 2 });
    await expect(received).resolves.toMatchObject({ event: 'queue.changed' });
    expect(JSON.parse((await rpc(host.port, host.secret, 'app.info', {})).body)).toMatchObject({ ok: true });
    bystander.close();
  });
});

describe('preview host caps on event sockets', () => {
  it(`lets a page token hold ${PageTokens.socketsPerToken} sockets at once: the next is refused with 429 until one closes, and another token is unaffected`, async () => {
    const token = await pageToken();
    const open = await Promise.all(Array.from({ length: PageTokens.socketsPerToken }, () => connect(tokenProtocols(token))));
    await expect(connect(tokenProtocols(token))).rejects.toThrow(/^refused 429: This page already has \d+ event connections open; close one of its tabs first/);
    const otherPage = await connect(tokenProtocols(await pageToken()));

    open.shift()!.close();
    open.push(await connectOnceFree(tokenProtocols(token)));
    await expect(connect(tokenProtocols(token))).rejects.toThrow(/429/);
    for (const socket of [...open, otherPage]) socket.close();
  });

  it(`lets programs holding the secret keep ${PreviewCredentials.secretSockets} sockets at once, and no more`, async () => {
    const withSecret = { 'x-assessor-secret': host.secret };
    const open = await Promise.all(Array.from({ length: PreviewCredentials.secretSockets }, () => connect(['assessor.events.v1'], withSecret)));
    await expect(connect(['assessor.events.v1'], withSecret)).rejects.toThrow(/429/);
    const page = await connect(tokenProtocols(await pageToken())); // pages have slots of their own
    open.pop()!.close();
    open.push(await connectOnceFree(['assessor.events.v1'], withSecret));
    await expect(connect(['assessor.events.v1'], withSecret)).rejects.toThrow(/429/);
    for (const socket of [...open, page]) socket.close();
  });
});

describe('preview host page tokens over time', () => {
  let clockFixture: CoreFixture;
  let clockHost: PreviewHost;
  let now = Date.now();
  beforeAll(async () => {
    clockFixture = openTestCore();
    clockHost = await startPreviewHost({ core: clockFixture.core, rendererDir: projectPaths().rendererBuild, port: 0, clock: () => now });
  });
  afterAll(async () => {
    await clockHost.close();
    clockFixture.dispose();
  });
  const summaryWith = (token: string) => rpcWith({ authorization: `Bearer ${token}` }, 'workspace.summary', {}, clockHost);

  it('refuses a token left unused past the idle period, on /rpc and on /events, while one in use carries on', async () => {
    const abandoned = await pageToken(clockHost);
    const working = await pageToken(clockHost);
    for (let step = 0; step < 3; step++) {
      now += PageTokens.idleMs / 2;
      expect((await summaryWith(working)).status).toBe(200);
    }
    const refused = await summaryWith(abandoned);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(connect(tokenProtocols(abandoned), {}, clockHost)).rejects.toThrow(/^refused 401: This page’s access has ended/);
    expect((await summaryWith(await pageToken(clockHost))).status).toBe(200); // the printed link lets the assessor back in
  });

  it('keeps a token whose page holds its event socket open, however long nothing is clicked', async () => {
    const token = await pageToken(clockHost);
    const socket = await connect(tokenProtocols(token), {}, clockHost);
    now += 5 * PageTokens.idleMs;
    expect((await summaryWith(token)).status).toBe(200);
    socket.close();
  });
});

describe('preview host evidence streaming', () => {
  const urlFor = async (evidenceId: string, part: 'media' | 'captions' = 'media'): Promise<string> => {
    const answer = JSON.parse((await rpc(host.port, host.secret, 'evidence.url', { evidenceId, part })).body) as { ok: boolean; value: { url: string } };
    expect(answer.ok).toBe(true);
    return answer.value.url;
  };
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(host.port, { path, headers });

  it('streams evidence from a signed URL, with Range support and headers that keep it inert', async () => {
    const url = await urlFor('demo-ev-002-video');
    expect(url).toMatch(/^\/evidence\/demo-ev-002-video\?exp=\d+&sig=[A-Za-z0-9_-]{43}$/);
    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['cache-control']).toBe('no-store');
    expect(whole.headers['x-content-type-options']).toBe('nosniff');
    expect(whole.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(whole.headers['referrer-policy']).toBe('no-referrer');
    const size = Number(whole.headers['content-length']);
    const part = await get(url, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect((await get(url, { range: `bytes=${size}-` })).status).toBe(416);
  });

  it('binds a signed URL to its one item and part, and refuses it altered', async () => {
    const url = await urlFor('demo-ev-002-video');
    const query = url.slice(url.indexOf('?'));
    expect((await get(`/evidence/demo-ev-001-video${query}`)).status).toBe(401);
    expect((await get(`/evidence/demo-ev-002-video/captions${query}`)).status).toBe(401);
    expect((await get(url.replace(/exp=(\d+)/, (_match, exp: string) => `exp=${Number(exp) + 1}`))).status).toBe(401);
    expect((await get('/evidence/demo-ev-002-video')).status).toBe(401);
    expect((await get('/evidence/demo-ev-002-video', { cookie: `assessor_preview_${host.port}=${host.secret}` })).status).toBe(401);
  });

  it('serves captions by their own URL, and nothing for unknown ids, text evidence or paths', async () => {
    const captions = await get(await urlFor('demo-ev-001-video', 'captions'));
    expect(captions.status).toBe(200);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.body.startsWith('WEBVTT')).toBe(true);
    for (const [evidenceId, part] of [
      ['no-such-item', 'media'],
      ['demo-ev-001-reflection', 'media'],
      ['demo-ev-002-video', 'captions'],
    ] as const) {
      expect(JSON.parse((await rpc(host.port, host.secret, 'evidence.url', { evidenceId, part })).body), evidenceId).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const escaped = await get('/evidence/..%2F..%2Fpackage.json', { 'x-assessor-secret': host.secret });
    expect(escaped.body).not.toContain('"allowScripts"');
  });
});
