import { keysFolderFor } from '../../electron/core/platform/paths';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SubmissionDetail, SyncStatus } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
import { startPreviewHost } from '../../electron/preview/server';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { startRestartableApi } from '../support/reference-server';
import type { RestartableApi } from '../support/reference-server';
import { forgetAcknowledgedEvidence } from '../../electron/core/repositories/claimed-work';
import type { CoreFixture } from '../support/core-fixture';
import { evidenceFileOf, openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';
import { rawRequest } from '../support/http';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
/** The server as the workstations reach it: it goes away and starts again at the same address. */
let server: RestartableApi;
let fixture: CoreFixture;

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  ({ api, server } = await startRestartableApi({ dataDir: serverDir, openApiFile: defaultOpenApiFile(root) }));
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  fixture = openTestCore();
});
afterAll(async () => {
  fixture.dispose();
  await server.close();
  cleanup(serverDir);
});

const call = async <T>(method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
async function scoreAndAward(submissionId: string): Promise<void> {
  const detail = await call<SubmissionDetail>('submission.open', { submissionId });
  for (const criterion of detail.rubric.components.flatMap((component) => component.criteria)) {
    await call('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });
  }
  await call('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' });
}

describe('sign in, claim, download, work offline, sync', () => {
  it('does the whole offline cycle and leaves every decision on the server exactly once', async () => {
    expect(await call<SessionInfo>('session.get')).toMatchObject({ signedIn: false, storage: 'file' });
    const refused = await fixture.core.invokeAsync('session.signIn', { serverUrl: server.url, email: 'assessor@example.org', password: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_credentials', message: 'Email or password is wrong.' } });
    const session = await call<SessionInfo>('session.signIn', { serverUrl: server.url, email: 'assessor@example.org', password: seededPassword });
    expect(session).toMatchObject({ signedIn: true, email: 'assessor@example.org', serverUrl: server.url });
    expect(statSync(join(keysFolderFor(fixture.dataDir), 'secrets.json')).mode & 0o777).toBe(0o600);

    const claimed = await call<{ batchId: string; submissions: number }>('batch.claim', { size: 3 });
    expect(claimed.submissions).toBe(3);
    const summary = await call<{ isDemo: boolean }>('workspace.summary');
    expect(summary.isDemo).toBe(false);
    const queue = (await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items;
    await until(async () => {
      const details = await Promise.all(queue.map((item) => call<SubmissionDetail>('submission.open', { submissionId: item.submissionId })));
      return details.every((detail) => detail.evidence.every((item) => item.availability === 'available'));
    }, 'every evidence file to be available offline');

    // Evidence is encrypted on disk, and served decrypted (with Range) to the player.
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: queue[0]!.submissionId });
    const video = detail.evidence.find((item) => item.kind === 'video')!;
    const stored = readFileSync(evidenceFileOf(fixture, video.id)!);
    const original = readFileSync(join(root, 'resources/demo/media', video.mimeType === 'video/mp4' ? 'compound-interest-groups.mp4' : 'credit-scores-discussion.webm'));
    expect(stored.includes(original.subarray(1000, 1064))).toBe(false);
    const host = await startPreviewHost({ core: fixture.core, rendererDir: projectPaths().rendererBuild, port: 0 });
    try {
      const served = await fetch(`http://127.0.0.1:${host.port}/evidence/${video.id}`, { headers: { 'x-assessor-secret': host.secret } });
      expect(createHash('sha256').update(Buffer.from(await served.arrayBuffer())).digest('hex')).toBe(video.sha256);
      const ranged = await rawRequest(host.port, { path: `/evidence/${video.id}`, headers: { 'x-assessor-secret': host.secret, range: 'bytes=0-9' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers['content-range']).toBe(`bytes 0-9/${video.bytes}`);
    } finally {
      await host.close();
    }

    // Online: a decision leaves at once.
    await scoreAndAward(queue[0]!.submissionId);
    await until(async () => (await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items[0]!.status === 'synced', 'the first decision to sync');

    // Offline: the server is gone. With nothing to send the panel still knows: it asked.
    await server.stop();
    expect(await call<SyncStatus>('sync.now')).toMatchObject({ state: 'offline', waiting: 0 });
    // Work goes on and waits in the outbox.
    await scoreAndAward(queue[1]!.submissionId);
    await scoreAndAward(queue[2]!.submissionId);
    const offline = await call<SyncStatus>('sync.now');
    expect(offline).toMatchObject({ state: 'offline', waiting: 2 });

    // Back online on the same address: everything waiting is delivered.
    api = await server.start();
    await call('sync.now');
    await until(async () => (await call<SyncStatus>('sync.now')).waiting === 0, 'the outbox to drain');
    const statuses = (await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items.map((item) => item.status);
    expect(statuses).toEqual(['synced', 'synced', 'synced']);
    expect(api.store.decisionCount()).toBe(3);
    expect(readdirSync(join(fixture.dataDir, 'evidence')).every((name) => name.endsWith('.enc'))).toBe(true);
  });

  it('purges evidence a week (or the chosen period) after its decision was acknowledged, and everything at once on sign-out', async () => {
    const evidenceDir = join(fixture.dataDir, 'evidence');
    const before = readdirSync(evidenceDir).filter((name) => name.endsWith('.enc')).length;
    expect(before).toBeGreaterThan(0);
    const status = await call<SyncStatus>('sync.status');
    expect(status.storage.evidenceBytes).toBeGreaterThan(0);
    expect(status.storage.freeBytes).toBeGreaterThan(0);
    expect(status.storage.retentionDays).toBe(7);
    expect(forgetAcknowledgedEvidence(fixture.db, new Date(Date.now() - 86_400_000).toISOString())).toEqual([]); // not within the week

    // The assessor shortens the period: what synced longer ago than that goes at once.
    const shortened = await call<SyncStatus>('storage.setRetention', { days: 0 });
    expect(shortened.storage).toMatchObject({ retentionDays: 0, evidenceBytes: 0 });
    expect(readdirSync(evidenceDir).filter((name) => name.endsWith('.enc'))).toEqual([]);
    expect(await call('preferences.get')).toMatchObject({ evidenceRetentionDays: 0 });
    expect((await call<SyncStatus>('storage.setRetention', { days: 7 })).storage.retentionDays).toBe(7);

    const again = await call<{ batchId: string }>('batch.claim', { size: 1 });
    await until(() => Promise.resolve(readdirSync(evidenceDir).some((name) => name.endsWith('.enc'))), 'a new download');
    await until(async () => (await call<SyncStatus>('sync.status')).downloads.files === 0, 'downloads to finish');
    expect(again.batchId).toBeTruthy();
    expect(await call<SessionInfo>('session.signOut')).toMatchObject({ signedIn: false });
    // Partial downloads too: the whole download folder goes.
    expect(existsSync(evidenceDir)).toBe(false);
  });
});
