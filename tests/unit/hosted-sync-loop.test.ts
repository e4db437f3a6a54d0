import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { SyncLoop } from '../../electron/core/hosted/sync-loop';
import { silentLogger } from '../support/silent-logger';
import { claimedSubmission, emptyDatabase, FakeApi, FakeSession, noAnswer } from '../support/fake-hosted';
import { until } from '../support/until';
import { outboxJobs } from '../../electron/core/app/outbox-jobs';
import { auditChangesJob } from '../../electron/core/audit/outbox/audit-changes';
import { enqueueJob } from '../../electron/core/hosted/outbox/job';
import { listNotices } from '../../electron/core/repositories/notices';
import { systemClock } from '../../electron/core/platform/clock';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let api: FakeApi;
let session: FakeSession;
let loop: SyncLoop;
let changed: string[];
let published: number;
let qualityFetches: number;
/** Quality data (a lead's queues, qualification) the loop was told to fetch at its next pass. */
let qualityDue: boolean;

const me = { id: 'acct-1', email: 'assessor@example.org', displayName: 'Assessor', roles: ['assessor'] };
const receipt = (submissionId: string) => ({ decisionId: `d-${submissionId}`, submissionId, receivedAt: new Date().toISOString() });

beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
  api = new FakeApi().on('GET /v1/me', me).on('GET /v1/assignments', { assignments: [] });
  session = new FakeSession(api);
  changed = [];
  published = 0;
  qualityFetches = 0;
  qualityDue = false;
  loop = new SyncLoop({
    db,
    jobs: outboxJobs,
    session,
    retention: { apply: () => 0 },
    downloads: { pump: () => undefined },
    work: { recoverLeases: () => session.call((client) => client.assignments()).then(() => undefined) },
    quality: {
      fetch: () => Promise.resolve((qualityFetches += 1, (qualityDue = false), { fetchedAt: null, qualifications: [], accuracy: null, sets: [], backreadFeedback: [] })),
      isDue: () => qualityDue,
      markDue: () => void (qualityDue = true),
    },
    status: { publish: () => (published += 1) },
    changes: { submissionsChanged: (ids) => changed.push(...ids), qualityData: () => undefined },
    logger: silentLogger,
    clock: systemClock,
    closed: () => false,
    intervalMs: 60_000,
  });
});
afterEach(() => {
  vi.useRealTimers();
  loop.stop();
  store.dispose();
});

describe('the sync loop', () => {
  it('sends a due decision once, says which submission settled, and is online and synced', async () => {
    api.on('POST /v1/submissions/s1/decision', receipt('s1'));
    claimedSubmission(db, 's1', new Date());
    loop.begin();
    await until(() => Promise.resolve(changed.includes('s1')), 'the acknowledgement');
    expect(api.calls.filter((call) => call === 'POST /v1/submissions/s1/decision')).toHaveLength(1);
    expect(loop.link().state).toBe('online');
    expect(loop.link().lastSyncedAt).not.toBeNull();
    expect(published).toBeGreaterThan(0);
    expect(qualityFetches).toBe(1); // quality data follows acknowledged work
  });

  it('fetches the quality data on Sync now, though nothing went out and its minute has not passed', async () => {
    loop.begin();
    await until(() => Promise.resolve(qualityFetches === 1), 'the fetch a session begins with');
    await loop.syncNow(); // nothing waiting, the data a moment old: a lead asking for it still gets it
    expect(qualityFetches).toBe(2);
  });

  it('holds a decision until its undo window has passed, then sends it without being asked', async () => {
    api.on('POST /v1/submissions/s1/decision', receipt('s1'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    claimedSubmission(db, 's1', new Date(Date.now() + 10 * 60_000));
    loop.begin();
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    expect(api.calls).not.toContain('POST /v1/submissions/s1/decision');
    expect(loop.link().lastSyncedAt).toBeNull(); // something still waits
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls.filter((call) => call === 'POST /v1/submissions/s1/decision')).toHaveLength(1);
    expect(changed).toContain('s1');
  });

  it('on Sync now holds back the audit trail waiting with a decision still in its undo window', async () => {
    api.on('POST /v1/audit', { accepted: 1 }).on('POST /v1/submissions/s1/decision', receipt('s1'));
    const inWindow = new Date(Date.now() + 10 * 60_000).toISOString();
    claimedSubmission(db, 's1', new Date(inWindow));
    const change = (id: string, submissionId: string) => ({ id, submissionId, kind: 'score' as const, target: 'c1', before: null, after: '3', at: new Date().toISOString(), machine: { id: 'm', name: 'm' } });
    enqueueJob(db, auditChangesJob, { entityId: 's1', payload: { changes: [change('00000000-0000-4000-8000-000000000001', 's1')] }, at: new Date().toISOString(), idempotencyKey: 'audit-s1', leavesAt: inWindow });
    loop.begin();
    await loop.syncNow();
    // An undo within the window leaves the server untouched: neither the decision nor its trail left.
    expect(api.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    expect(db.prepare(`SELECT next_attempt_at FROM outbox WHERE kind = 'audit'`).get()).toEqual({ next_attempt_at: inWindow });
  });

  it('takes a decision the server refuses as too large to the conflicts at once, sent once, and stays online', async () => {
    api.on('POST /v1/submissions/s1/decision', () => ({ status: 413, body: { error: { code: 'too_large', message: 'The body is larger than 5 MB.' } } }));
    claimedSubmission(db, 's1', new Date());
    loop.begin();
    await until(() => Promise.resolve(changed.includes('s1')), 'the refusal');
    await loop.syncNow();
    expect(db.prepare(`SELECT state, last_error FROM outbox WHERE kind = 'decision'`).get()).toEqual({ state: 'conflict', last_error: 'too_large' });
    expect(api.calls.filter((call) => call === 'POST /v1/submissions/s1/decision')).toHaveLength(1); // never resent
    expect(loop.link().state).toBe('online'); // the server answered: it is not "offline"
  });

  it('tells the assessor, once, of audit-trail changes the server refused for good (never lost without a word)', async () => {
    api.on('POST /v1/audit', () => ({ status: 422, body: { error: { code: 'invalid', message: 'Over the trail limit.', fields: [] } } }));
    claimedSubmission(db, 's1', new Date(Date.now() + 10 * 60_000)); // its decision waits: only the trail leaves
    const change = (id: string) => ({ id, submissionId: 's1', kind: 'feedback' as const, target: 'overall', before: null, after: 'x', at: new Date().toISOString(), machine: { id: 'm', name: 'm' } });
    enqueueJob(db, auditChangesJob, { entityId: 's1', payload: { changes: [change('00000000-0000-4000-8000-000000000001'), change('00000000-0000-4000-8000-000000000002')] }, at: new Date().toISOString(), idempotencyKey: 'audit-s1' });
    loop.begin();
    await until(() => Promise.resolve(listNotices(db).length > 0), 'the notice');
    await loop.syncNow();
    expect(listNotices(db)).toEqual([expect.objectContaining({ kind: 'refused_by_server', what: 'audit', count: 2, reason: 'rejected_as_invalid' })]);
    expect(api.calls.filter((call) => call === 'POST /v1/audit')).toHaveLength(1);
  });

  it('is offline while the server does not answer, and online once it does', async () => {
    api.on('GET /v1/me', () => noAnswer);
    await loop.syncNow();
    expect(loop.link().state).toBe('offline');
    api.on('GET /v1/me', me);
    await loop.syncNow();
    expect(loop.link().state).toBe('online');
  });

  it('compares leases with the server at most once a minute, and again on Sync now', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await loop.syncNow();
    loop.nudge();
    await vi.advanceTimersByTimeAsync(0); // the nudged pass
    expect(api.calls.filter((call) => call === 'GET /v1/assignments')).toHaveLength(1);
    await loop.syncNow();
    expect(api.calls.filter((call) => call === 'GET /v1/assignments')).toHaveLength(2);
  });
});
