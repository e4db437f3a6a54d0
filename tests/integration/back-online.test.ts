import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { SubmissionDetail, SyncStatus } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
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

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  fixture = openTestCore();
});
afterAll(async () => {
  fixture.dispose();
  await api.close();
  cleanup(serverDir);
});

const call = async <T>(method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
async function award(submissionId: string): Promise<void> {
  const detail = await call<SubmissionDetail>('submission.open', { submissionId });
  for (const criterion of detail.rubric.components.flatMap((component) => component.criteria)) await call('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });
  await call('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' });
}

describe('back online', () => {
  it('is online and sending within seconds of the server answering again, without Sync now, whatever the backoff had grown to', async () => {
    await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 1 });
    const [item] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items;
    const port = api.port;
    await api.close();
    await award(item!.submissionId);
    // Offline for a while: the decision's attempts fail and its backoff grows (here to five minutes, as after hours away).
    await until(async () => (await call<SyncStatus>('sync.status')).state === 'offline', 'offline', 200);
    await until(() => Promise.resolve((fixture.db.prepare(`SELECT attempts FROM outbox WHERE entity_id = ?`).get(item!.submissionId) as { attempts: number }).attempts >= 2), 'failed attempts', 200);
    fixture.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE entity_id = ?`).run(new Date(Date.now() + 5 * 60_000).toISOString(), item!.submissionId);
    api = await startHostedApi({ dataDir: serverDir, port, openApiFile: defaultOpenApiFile(root) });
    // Nobody presses Sync now: within 10 s the workstation notices the server, and what failed goes at once.
    await until(async () => (await call<SyncStatus>('sync.status')).state === 'online', 'online again', 200);
    await until(() => Promise.resolve((api.store.sql('SELECT count(*) AS n FROM decisions WHERE submission_id = ?').get(item!.submissionId) as { n: number }).n === 1), 'the decision on the server', 200);
  });
});
