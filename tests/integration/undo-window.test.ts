import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import type { MethodOutput, SubmissionDetail } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';
import { shiftedClock } from '../support/clocks';

/** How far this laptop's clock has been moved on (time passing without the test waiting for it). */
let shift = 0;

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
let fixture: CoreFixture;
let items: QueueItem[];
const changed: EventPayload<'workspace.changed'>[] = [];

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  fixture = openTestCore({ undoWindowSeconds: 2, clock: shiftedClock(() => shift) });
  fixture.core.subscribe((event, payload) => event === 'workspace.changed' && changed.push(payload as EventPayload<'workspace.changed'>));
  await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
  const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 2 });
  items = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items;
});
afterAll(async () => {
  fixture.dispose();
  await api.close();
  cleanup(serverDir);
});

const call = async <T>(method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
const onServer = (submissionId: string): number => (api.store.sql('SELECT count(*) AS n FROM decisions WHERE submission_id = ?').get(submissionId) as { n: number }).n;
async function award(submissionId: string): Promise<MethodOutput<'decision.submit'>> {
  const detail = await call<SubmissionDetail>('submission.open', { submissionId });
  for (const criterion of detail.rubric.components.flatMap((component) => component.criteria)) await call('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });
  return call('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' });
}

describe('the undo window, against the reference server', () => {
  it('holds a decision for the window, during which undo leaves the server untouched, and makes core open the next one', async () => {
    const [first, second] = items.map((item) => item.submissionId);
    const decided = await award(first!);
    expect(decided.decision.undoable).toBe(true);
    expect(Date.parse(decided.decision.leavesAt!) - Date.parse(decided.decision.decidedAt)).toBe(2000);
    expect(decided.nextSubmissionId).toBe(second);
    expect(await call('preferences.get')).toMatchObject({ openSubmissionId: second }); // core decides what opens next
    await call('decision.undo', { submissionId: first });
    expect(await call('preferences.get')).toMatchObject({ openSubmissionId: first });
    shift += 3000; // past the window, without waiting for it
    await call('sync.now');
    expect(onServer(first!)).toBe(0);
    expect((await call<SubmissionDetail>('submission.open', { submissionId: first })).decision).toBeNull();
  });

  it('lets it leave once the window ends, tells the renderer it can no longer be undone, and refuses undo after', async () => {
    const [first] = items.map((item) => item.submissionId);
    changed.length = 0;
    await award(first!);
    await until(() => Promise.resolve(onServer(first!) === 1), 'the decision on the server', 200);
    await until(async () => (await call<SubmissionDetail>('submission.open', { submissionId: first })).status === 'synced', 'synced');
    expect(changed.some((change) => change.submissions !== 'all' && change.submissions.includes(first!))).toBe(true);
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: first });
    expect(detail.decision).toMatchObject({ undoable: false, leavesAt: null });
    expect(await fixture.core.invokeAsync('decision.undo', { submissionId: first })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(onServer(first!)).toBe(1);
  });

  it('carries a borderline flag (a second opinion asked of a lead) to the server', async () => {
    const [, second] = items.map((item) => item.submissionId);
    await call('decision.submit', { submissionId: second, outcome: 'flag', conditionCode: 'borderline_second_opinion', note: 'Criterion 3 sits between levels 2 and 3.' });
    await until(() => Promise.resolve(onServer(second!) === 1), 'the flag on the server', 200);
    const body = JSON.parse((api.store.sql('SELECT body FROM decisions WHERE submission_id = ?').get(second) as { body: string }).body) as { outcome: string; conditionCode: string };
    expect(body).toMatchObject({ outcome: 'flag', conditionCode: 'borderline_second_opinion' });
  });

  it('ends the window signed out too: no undo after it, and the decision leaves once at the next sign-in', async () => {
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 1 });
    const [third] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.map((item) => item.submissionId);
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: third });
    for (const criterion of detail.rubric.components.flatMap((component) => component.criteria)) await call('draft.setScore', { submissionId: third, criterionId: criterion.id, level: 3 });
    await call('session.signOut');
    await call('decision.submit', { submissionId: third, outcome: 'award', conditionCode: null, note: '' });
    shift += 3000; // the window passes while nothing is sent
    expect((await call<SubmissionDetail>('submission.open', { submissionId: third })).decision).toMatchObject({ undoable: false, leavesAt: null });
    expect(await fixture.core.invokeAsync('decision.undo', { submissionId: third })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
    await until(() => Promise.resolve(onServer(third!) === 1), 'the decision on the server', 200);
  });
});
