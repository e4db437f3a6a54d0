import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SyncStatus, WorkspaceSummary } from '../../shared/contract/methods';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
let fixture: CoreFixture;
let proxy: Server;
let proxyUrl: string;
/** While set, the proxy holds the server's answers to manifest requests (they were served before the wipe order). */
let holdManifests: Promise<void> | null = null;
let heldManifests = 0;

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  // A slow network between the workstation and the server, as real HTTP.
  proxy = createServer((incoming, outgoing) => {
    const upstream = request({ host: '127.0.0.1', port: api.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const gate = /^\/v1\/submissions\/[^/]+$/.test(incoming.url ?? '') ? holdManifests : null;
        if (gate) heldManifests += 1;
        void (gate ?? Promise.resolve()).then(() => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(Buffer.concat(chunks));
        });
      });
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  fixture = openTestCore();
  value(await fixture.core.invokeAsync('session.signIn', { serverUrl: proxyUrl, email: 'assessor@example.org', password: seededPassword }));
  // Let the first syncs after signing in (with their lease check) finish before the claim.
  value(await fixture.core.invokeAsync('sync.now', {}));
  value(await fixture.core.invokeAsync('sync.now', {}));
});
afterAll(async () => {
  fixture.dispose();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await api.close();
  cleanup(serverDir);
});

describe('a remote wipe while work is arriving', () => {
  it('stores nothing of a claim whose manifests arrive after the wipe, and says what went', async () => {
    let release = (): void => undefined;
    holdManifests = new Promise<void>((resolve) => (release = resolve));
    const claim = fixture.core.invokeAsync('batch.claim', { size: 5 });
    await until(() => Promise.resolve(heldManifests >= 5), 'the manifests to be on their way');

    // The laptop is reported lost; the next sync hears of it and wipes.
    api.store.auth.orderRemoteWipe(api.store.accountByEmail('assessor@example.org')!.id, new Date());
    await fixture.core.invokeAsync('sync.now', {});
    await until(async () => !value(await fixture.core.invokeAsync('session.get', {}) as { ok: true; value: SessionInfo }).signedIn, 'the wipe');
    release(); // the manifests served before the order now arrive
    holdManifests = null;

    expect(await claim).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const summary = value(fixture.core.invoke('workspace.summary', {})) as WorkspaceSummary;
    expect(summary.batches.filter((batch) => !batch.isDemo)).toEqual([]);
    expect(fixture.db.prepare(`SELECT count(*) AS n FROM submissions WHERE id NOT LIKE 'demo-%'`).get()).toEqual({ n: 0 });
    const status = value(await fixture.core.invokeAsync('sync.status', {})) as SyncStatus;
    expect(status.notices.find((notice) => notice.kind === 'remote_wipe')).toMatchObject({ submissions: 0, unsentDecisions: 0, synced: 0 });
    expect(status).toMatchObject({ state: 'signed_out', waiting: 0 });
  });
});
