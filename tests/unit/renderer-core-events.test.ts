import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createContractClient } from '../../shared/contract/client';
import type { MethodOutput, SyncStatus } from '../../shared/contract/methods';
import { followCoreEvents } from '../../renderer/src/data/core-events';
import { prefetchFromCore, queryKeyOf } from '../../renderer/src/data/contract-reads';
import { settled } from '../support/settled';

/** A core that answers every read at once, counts what it was asked, and can push events. */
function fakeCore(answers: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client = createContractClient({
    invoke: (method) => {
      asked.push(method);
      return Promise.resolve({ ok: true, value: answers[method] ?? {} });
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  });
  const emit = (event: string, payload: unknown): void => listeners.get(event)?.forEach((listener) => listener(payload));
  return { asked, client, emit };
}

const status = (revision: number, state: SyncStatus['state'], conflicts = 0): SyncStatus => ({
  revision,
  state,
  waiting: 0,
  conflicts,
  lastSyncedAt: null,
  downloads: { files: 0, doneBytes: 0, totalBytes: 0, bytesPerSecond: 0, secondsLeft: null, paused: false, blockedByDiskSpace: false, active: [] },
  notices: [],
  storage: { evidenceBytes: 0, freeBytes: 1, retentionDays: 7 },
});
const settle = settled;
// The app passes every lead view's reads (lead/lead-views.tsx; that wiring is tested in renderer/lead-view-registry.test.tsx).
const leadViewReads = ['lead.dashboard'] as const;
const invalidated = (queries: QueryClient, key: readonly unknown[]): boolean => queries.getQueryState(key)?.isInvalidated ?? false;

describe('core’s events in the renderer’s cache', () => {
  it('patches the queue row the assessor’s own edit changed, and reads the batch counts again', async () => {
    const core = fakeCore();
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    const queueKey = queryKeyOf('queue.list', { batchId: 'b1' });
    const row = { submissionId: 's1', position: 0, label: 'Submission 1', credentialTitle: 'C', attempt: 1, status: 'not_started' as const, outcome: null, dueAt: '2026-12-10T00:00:00.000Z', availableOffline: true, leaseExpiresAt: '2026-12-10T00:00:00.000Z', lease: 'held' as const };
    queries.setQueryData<MethodOutput<'queue.list'>>(queueKey, { items: [row, { ...row, submissionId: 's2', position: 1 }] });
    queries.setQueryData(queryKeyOf('workspace.summary', {}), { isDemo: true, batches: [] });
    core.emit('queue.changed', { batchId: 'b1', submissionId: 's2', status: 'queued', outcome: 'award' });
    await settle();
    expect(queries.getQueryData<MethodOutput<'queue.list'>>(queueKey)?.items.map((item) => [item.status, item.outcome])).toEqual([['not_started', null], ['queued', 'award']]);
    expect(invalidated(queries, queryKeyOf('workspace.summary', {}))).toBe(true);
  });

  it('reads again a submission shown undecided that is decided now (in another window), and not one whose edits only moved its status', async () => {
    const core = fakeCore();
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    queries.setQueryData(queryKeyOf('submission.open', { submissionId: 's1' }), { status: 'scored', decision: null });
    queries.setQueryData(queryKeyOf('submission.open', { submissionId: 's2' }), { status: 'not_started', decision: null });
    core.emit('queue.changed', { batchId: 'b1', submissionId: 's1', status: 'queued', outcome: 'award' });
    // A comment being typed made it "in progress": reading it again would replace what is being typed.
    core.emit('queue.changed', { batchId: 'b1', submissionId: 's2', status: 'in_progress', outcome: null });
    await settle();
    expect([invalidated(queries, queryKeyOf('submission.open', { submissionId: 's1' })), invalidated(queries, queryKeyOf('submission.open', { submissionId: 's2' }))]).toEqual([true, false]);
  });

  it('reads again only the submissions, batches and quality data an event names', async () => {
    const core = fakeCore();
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    for (const submissionId of ['s1', 's2']) queries.setQueryData(queryKeyOf('submission.open', { submissionId }), {});
    queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: null }), {});
    core.emit('workspace.changed', { batches: false, submissions: ['s2'], quality: false });
    await settle();
    expect(invalidated(queries, queryKeyOf('submission.open', { submissionId: 's1' }))).toBe(false);
    expect(invalidated(queries, queryKeyOf('submission.open', { submissionId: 's2' }))).toBe(true);
    expect(invalidated(queries, queryKeyOf('lead.dashboard', { credentialId: null }))).toBe(false);
    core.emit('workspace.changed', { batches: false, submissions: [], quality: true });
    await settle();
    expect(invalidated(queries, queryKeyOf('lead.dashboard', { credentialId: null }))).toBe(true);
    core.emit('workspace.changed', { batches: true, submissions: 'all', quality: false });
    await settle();
    expect(invalidated(queries, queryKeyOf('submission.open', { submissionId: 's1' }))).toBe(true);
  });

  it('keeps the newest sync status, and reads the session and conflicts again when they changed', async () => {
    const core = fakeCore();
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    const statusKey = queryKeyOf('sync.status', {});
    queries.setQueryData(queryKeyOf('session.get', {}), {});
    queries.setQueryData(queryKeyOf('sync.conflicts', {}), { conflicts: [] });
    core.emit('sync.changed', status(5, 'online'));
    await settle();
    expect(invalidated(queries, queryKeyOf('session.get', {}))).toBe(true); // first status: signed in
    queries.setQueryData(queryKeyOf('session.get', {}), {});
    core.emit('sync.changed', status(4, 'signed_out'));
    await settle();
    expect(queries.getQueryData<SyncStatus>(statusKey)?.revision).toBe(5); // an older status is dropped
    expect(invalidated(queries, queryKeyOf('session.get', {}))).toBe(false);
    queries.setQueryData(queryKeyOf('sync.conflicts', {}), { conflicts: [] });
    core.emit('sync.changed', status(6, 'online', 1));
    await settle();
    expect(invalidated(queries, queryKeyOf('sync.conflicts', {}))).toBe(true);
    core.emit('sync.changed', status(7, 'signed_out', 1));
    await settle();
    expect(invalidated(queries, queryKeyOf('session.get', {}))).toBe(true);
  });

  it('sends the start’s reads before anything renders, and reads again what an event made out of date meanwhile', async () => {
    const core = fakeCore({ 'preferences.get': { splitRatio: 0.5 } });
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    prefetchFromCore(queries, core.client, 'preferences.get', {});
    prefetchFromCore(queries, core.client, 'workspace.summary', {});
    expect(core.asked).toEqual(['preferences.get', 'workspace.summary']);
    await settle();
    expect(queries.getQueryData(queryKeyOf('preferences.get', {}))).toEqual({ splitRatio: 0.5 });
    core.emit('workspace.changed', { batches: true, submissions: [], quality: false });
    await settle();
    expect(invalidated(queries, queryKeyOf('workspace.summary', {}))).toBe(true);
    expect(invalidated(queries, queryKeyOf('preferences.get', {}))).toBe(false);
  });

  it('reads again a read whose first answer was on its way when the change happened (that answer predates it)', async () => {
    const core = fakeCore();
    const queries = new QueryClient();
    followCoreEvents(core.client, queries, leadViewReads);
    const answers = [{ items: ['before the download'] }, { items: ['after the download'] }];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const observer = new QueryObserver(queries, {
      queryKey: queryKeyOf('queue.list', { batchId: 'b1' }),
      queryFn: async () => {
        const answer = answers[calls++]!;
        if (calls === 1) await held; // the first answer is slow, and was read before the change
        return answer;
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await settle();
    core.emit('workspace.changed', { batches: true, submissions: ['s1'], quality: false });
    await settle();
    release();
    await settle();
    expect(observer.getCurrentResult().data).toEqual({ items: ['after the download'] });
    unsubscribe();
  });
});
