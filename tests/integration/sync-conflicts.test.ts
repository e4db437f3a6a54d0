import { keysFolderFor } from '../../electron/core/platform/paths';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SubmissionDetail, SyncConflict, SyncStatus, WorkspaceSummary } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { evidenceFileOf, openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
let fixture: CoreFixture;
/** Moves the server's clock, so tokens lapse without waiting. */
let serverClockAheadMs = 0;

/** What the reference server said failed in it (a test here breaks a manifest on purpose). */
const serverFailures: string[] = [];
afterEach(() => expect(serverFailures.splice(0), 'the reference server failed').toEqual([]));
beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root), now: () => new Date(Date.now() + serverClockAheadMs), reportFailure: (line) => serverFailures.push(line) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  fixture = openTestCore();
  await call('session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
});
afterAll(async () => {
  fixture.dispose();
  await api.close();
  cleanup(serverDir);
});

const call = async <T>(method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
const statuses = async (batchId: string): Promise<string[]> => (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.map((item) => item.status);
async function scoreAll(submissionId: string): Promise<void> {
  const detail = await call<SubmissionDetail>('submission.open', { submissionId });
  for (const criterion of detail.rubric.components.flatMap((component) => component.criteria)) {
    await call('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });
  }
}
async function award(submissionId: string): Promise<void> {
  await scoreAll(submissionId);
  await call('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' });
}
/** The submissions the server's next claim will hand out (never claimed before, oldest first). */
const nextUnclaimed = (count: number): string[] =>
  (api.store.db.prepare('SELECT id FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id) ORDER BY position LIMIT ?').all(count) as { id: string }[]).map(
    (row) => row.id,
  );

describe('conflicts, quarantine, pause and revocation against the reference server', () => {
  it('shows a refused decision with the server reason and sends it to the lead only if the assessor keeps it', async () => {
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 2 });
    const [kept, dropped] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.map((item) => item.submissionId);
    // Both leases lapse on the server while the assessor is offline scoring, and go to someone else.
    api.store.expireLease(kept!, new Date());
    api.store.expireLease(dropped!, new Date());
    const other = api.store.accountByEmail('assessor@example.org')!;
    expect(api.store.claim(other.id, 2, new Date(), 3600).assignments.map((item) => item.submissionId)).toEqual([kept, dropped]);
    await award(kept!);
    await award(dropped!);
    await until(async () => (await call<SyncStatus>('sync.now')).conflicts === 2, 'both conflicts');
    expect(await statuses(batchId)).toEqual(['conflict', 'conflict']);

    const { conflicts } = await call<{ conflicts: SyncConflict[] }>('sync.conflicts');
    expect(conflicts.map((conflict) => [conflict.submissionId, conflict.reason, conflict.outcome])).toEqual([
      [kept, 'lease_expired', 'award'],
      [dropped, 'lease_expired', 'award'],
    ]);
    expect(conflicts[0]!.choices).toEqual(['note_for_lead', 'discarded']);

    const afterKeep = await call<SyncStatus>('sync.resolveConflict', { submissionId: kept, choice: 'note_for_lead' });
    expect(afterKeep.conflicts).toBe(1);
    await until(async () => (await call<SyncStatus>('sync.now')).waiting === 0, 'the note to reach the lead');
    const notes = api.store.leadNotes(kept!);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ reason: 'lease_expired', body: { outcome: 'award', rubricVersionId: expect.any(String) as string } });

    const afterDiscard = await call<SyncStatus>('sync.resolveConflict', { submissionId: dropped, choice: 'discarded' });
    expect(afterDiscard).toMatchObject({ conflicts: 0, waiting: 0 });
    expect(api.store.leadNotes(dropped!)).toEqual([]);
    expect(await statuses(batchId)).toEqual(['handed_back', 'handed_back']);
    expect(api.store.decisionCount()).toBe(0);
    // Settled once; a second choice is refused rather than sending anything twice.
    expect(await fixture.core.invokeAsync('sync.resolveConflict', { submissionId: kept, choice: 'discarded' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('fetches a file that fails its checksum again, quarantines it after three tries, and sets aside an unreadable submission', async () => {
    const [badFile, badManifest] = nextUnclaimed(2);
    const video = api.store.db.prepare(`SELECT id FROM evidence WHERE submission_id = ? AND json_extract(body, '$.kind') = 'video'`).get(badFile) as { id: string };
    api.store.db.prepare(`UPDATE evidence SET body = json_set(body, '$.sha256', ?) WHERE id = ?`).run('0'.repeat(64), video.id);
    api.store.db.prepare(`UPDATE evidence SET body = json_set(body, '$.mimeType', '') WHERE submission_id = ?`).run(badManifest);

    const claimed = await call<{ batchId: string; submissions: number }>('batch.claim', { size: 2 });
    expect(claimed.submissions).toBe(1);
    await until(async () => (await call<SyncStatus>('sync.status')).notices.some((notice) => notice.kind === 'evidence_quarantined'), 'the quarantine notice');
    const status = await call<SyncStatus>('sync.status');
    expect(status.notices.find((notice) => notice.kind === 'evidence_quarantined')).toMatchObject({ reason: 'sha256_mismatch', attempts: 3 });
    expect(status.notices.find((notice) => notice.kind === 'submission_quarantined')).toMatchObject({ submissionId: badManifest });
    await until(async () => (await call<SyncStatus>('sync.status')).downloads.files === 0, 'the other files');
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: badFile });
    expect(detail.evidence.find((item) => item.id === video.id)?.availability).toBe('quarantined');
    expect(detail.evidence.filter((item) => item.id !== video.id).every((item) => item.availability === 'available')).toBe(true);
    // Nothing of it is kept: no file is recorded for it, and every file in the folder is one that is.
    expect(evidenceFileOf(fixture, video.id)).toBeNull();
    const recorded = (fixture.db.prepare(`SELECT local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as { local_path: string }[]).map((row) => basename(row.local_path));
    expect(readdirSync(join(fixture.dataDir, 'evidence')).sort()).toEqual(recorded.sort());

    for (const notice of status.notices) await call('sync.dismissNotice', { id: notice.id });
    expect((await call<SyncStatus>('sync.status')).notices).toEqual([]);
  });

  it('pauses downloads (kept while paused) and resumes them to completion, renewing a lapsed token silently', async () => {
    const paused = await call<SyncStatus>('downloads.pause');
    expect(paused.downloads.paused).toBe(true);
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 2 });
    const waiting = await call<SyncStatus>('sync.status');
    expect(waiting.downloads).toMatchObject({ paused: true, bytesPerSecond: 0, active: [] });
    expect(waiting.downloads.files).toBeGreaterThan(0);
    expect(waiting.downloads.totalBytes).toBeGreaterThan(0);
    const items = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items;
    expect(items.every((item) => !item.availableOffline)).toBe(true);

    serverClockAheadMs += 16 * 60_000; // the 15-minute access token lapses during the pause
    expect((await call<SyncStatus>('downloads.resume')).downloads.paused).toBe(false);
    await until(async () => (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.every((item) => item.availableOffline), 'the batch to be available offline');
    const status = await call<SyncStatus>('sync.status');
    expect(status.notices.filter((notice) => notice.kind === 'evidence_quarantined')).toEqual([]);
    expect((await call<SessionInfo>('session.get')).signedIn).toBe(true);
  });

  it('keeps a claimed submission whose manifest the server could not give, and brings it here with a later sync', async () => {
    const [, held] = nextUnclaimed(2);
    const kept = api.store.db.prepare('SELECT previous_attempts FROM submissions WHERE id = ?').get(held) as { previous_attempts: string };
    api.store.db.prepare(`UPDATE submissions SET previous_attempts = 'unreadable for now' WHERE id = ?`).run(held); // its manifest answers 500
    const claimed = await call<{ batchId: string; submissions: number; waiting: number }>('batch.claim', { size: 2 });
    expect(claimed).toMatchObject({ submissions: 1, waiting: 1 });
    expect((await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items.map((item) => item.submissionId)).not.toContain(held);
    expect(serverFailures.splice(0)).toEqual([expect.stringContaining(`GET /v1/submissions/${held} failed`)]); // the 500 asked for, and no other

    api.store.db.prepare('UPDATE submissions SET previous_attempts = ? WHERE id = ?').run(kept.previous_attempts, held); // the server recovers
    await call('sync.now');
    const items = (await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items;
    expect(items.map((item) => item.submissionId)).toContain(held);
    await until(async () => (await call<{ items: QueueItem[] }>('queue.list', { batchId: claimed.batchId })).items.every((item) => item.availableOffline), 'the batch to be available offline');
  });

    it('keeps the owner of the claimed work, and fetches evidence again, when the secret store comes back empty', async () => {
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 1 });
    await until(async () => (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.every((item) => item.availableOffline), 'the batch to be available offline');
    const [item] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items;
    await award(item!.submissionId);
    // The keychain is lost (or, on a Linux desktop without one, the app restarts): a new evidence key.
    fixture.core.close();
    rmSync(join(keysFolderFor(fixture.dataDir), 'secrets.json'));
    fixture = openTestCore({ dataDir: fixture.dataDir });
    expect(await call<SessionInfo>('session.get')).toMatchObject({ signedIn: false });
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: item!.submissionId });
    expect(detail.evidence.filter((evidence) => evidence.kind !== 'text').every((evidence) => evidence.availability === 'remote')).toBe(true);

    // The unsent decision still belongs to assessor2: nobody else may take this machine's work.
    const refused = await fixture.core.invokeAsync('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
    await until(async () => (await statuses(batchId))[0] === 'synced', 'the decision to sync under its own account');
    await until(async () => (await call<SubmissionDetail>('submission.open', { submissionId: item!.submissionId })).evidence.every((evidence) => evidence.availability === 'available'), 'the evidence to be fetched again');
  });

  it('keeps every unsent decision, draft and file when the server ends the session, and syncs them after signing in again', async () => {
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 2 });
    await until(async () => (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.every((item) => item.availableOffline), 'the batch to be available offline');
    const [unsent, drafted] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.map((item) => item.submissionId);
    const decidedBefore = api.store.decisionCount();

    api.store.auth.revokeAccount(api.store.accountByEmail('assessor2@example.org')!.id); // an administrator ends every session
    await scoreAll(drafted!);
    await award(unsent!);
    await until(async () => (await call<SessionInfo>('session.get')).signedIn === false, 'the session to end');

    expect(await call<SessionInfo>('session.get')).toMatchObject({ ended: 'revoked', lastEmail: 'assessor2@example.org' });
    const status = await call<SyncStatus>('sync.status');
    expect(status).toMatchObject({ state: 'signed_out', waiting: 1 });
    expect(status.notices.filter((notice) => notice.kind === 'remote_wipe')).toEqual([]);
    expect(await statuses(batchId)).toEqual(['queued', 'scored']);
    // Scoring goes on offline: the evidence is still here and readable.
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: drafted });
    expect(detail.evidence.every((item) => item.availability === 'available')).toBe(true);
    expect(detail.evidence.find((item) => item.kind === 'text')?.text).toEqual(expect.any(String));

    await call('session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
    await until(async () => (await statuses(batchId))[0] === 'synced', 'the kept decision to sync');
    expect(api.store.decisionCount()).toBe(decidedBefore + 1);
  });

  it('removes claimed work only when the server orders a remote wipe, after recording what was synced and what went', async () => {
    const syncedEarlier = (fixture.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'decision' AND state = 'acknowledged'`).get() as { n: number }).n;
    const { batchId } = await call<{ batchId: string }>('batch.claim', { size: 3 });
    const [synced, unsent, drafted] = (await call<{ items: QueueItem[] }>('queue.list', { batchId })).items.map((item) => item.submissionId);
    await award(synced!);
    await until(async () => (await statuses(batchId))[0] === 'synced', 'the first decision to sync');
    await until(async () => (await call<SyncStatus>('sync.status')).downloads.files === 0, 'the downloads');

    await scoreAll(drafted!);
    await award(unsent!);
    // Unfinished scoring here: this batch's, and the one left from the session that ended above.
    const unfinished = (fixture.db.prepare(`SELECT count(*) AS n FROM scoring_drafts sd WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = sd.submission_id) AND sd.submission_id NOT LIKE 'demo-%'`).get() as { n: number }).n;
    api.store.auth.orderRemoteWipe(api.store.accountByEmail('assessor2@example.org')!.id, new Date()); // the laptop was reported lost
    await call('sync.now');
    await until(async () => (await call<SessionInfo>('session.get')).signedIn === false, 'the session to end');

    const status = await call<SyncStatus>('sync.status');
    const notice = status.notices.find((item) => item.kind === 'remote_wipe');
    expect(notice).toMatchObject({ synced: syncedEarlier + 1, unsentDecisions: 1, drafts: unfinished });
    expect(notice && notice.kind === 'remote_wipe' && notice.evidenceFiles).toBeGreaterThan(0);
    expect(notice && notice.kind === 'remote_wipe' && notice.unsentLabels).toHaveLength(1 + unfinished);
    expect(status.waiting).toBe(0);
    const summary = await call<WorkspaceSummary>('workspace.summary');
    expect(summary.batches.filter((batch) => !batch.isDemo)).toEqual([]);
    expect(existsSync(join(fixture.dataDir, 'evidence')) ? readdirSync(join(fixture.dataDir, 'evidence')) : []).toEqual([]);
    expect(api.store.decisionCount()).toBe(syncedEarlier + 1);
  });
});
