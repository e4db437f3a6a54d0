import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { LeadWork } from '../../electron/core/lead/lead-work';
import { silentLogger } from '../support/silent-logger';
import { saveBatch, saveAssignment } from '../../electron/core/repositories/batches';
import { saveRationale, saveScore } from '../../electron/core/repositories/drafts';
import { listDue } from '../../electron/core/repositories/outbox';
import { saveSnapshot } from '../../electron/core/repositories/quality';
import { allCriteria } from '../../shared/domain/rubric';
import { claimedSubmission, emptyDatabase, FakeApi, FakeSession, manifestOf } from '../support/fake-hosted';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let api: FakeApi;
let lead: LeadWork;
let fetches: number;
let queued: number;
const decision = (assessor: string, outcome: 'award' | 'not_yet') => ({ assessor: { id: assessor, displayName: assessor }, outcome, scores: [], comments: [], overallFeedback: '', decidedAt: '2026-12-04T10:00:00.000Z' });
const adjudication = { submissionId: 's1', label: 'Submission s1', credentialId: manifestOf('s1').credential.id, rubricVersionId: manifestOf('s1').rubric.id, reasons: ['outcome_differs'], decisions: [decision('a1', 'award'), decision('a2', 'not_yet')], createdAt: '2026-12-04T11:00:00.000Z', resolution: null };

beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
  api = new FakeApi();
  fetches = 0;
  queued = 0;
  lead = new LeadWork({
    db,
    session: new FakeSession(api),
    work: { importLocalBatch: (local) => Promise.resolve({ batchId: local.id, submissions: local.submissionIds.length }) },
    quality: { fetch: () => Promise.resolve((fetches += 1, { fetchedAt: null, qualifications: [], accuracy: null, sets: [], backreadFeedback: [] })) },
    logger: silentLogger,
    now: () => new Date('2026-12-05T10:00:00.000Z'),
    onQueued: () => (queued += 1),
    onBatchRemoved: () => undefined,
  });
});
afterEach(() => store.dispose());

describe('a lead’s work with the hosted API', () => {
  it('resolves an adjudication once, through the outbox, and only one from the last synced queue', () => {
    expect(() => lead.resolveAdjudication('s1', { outcome: 'award', scores: [], note: 'agreed' })).toThrow(/not in the last synced queue/);
    saveSnapshot(db, 'adjudications', [adjudication], '2026-12-05T09:00:00.000Z');
    const queue = lead.resolveAdjudication('s1', { outcome: 'award', scores: [], note: 'agreed' });
    expect(queue.adjudications[0]).toMatchObject({ submissionId: 's1', resolutionQueued: true });
    expect(listDue(db, '2026-12-05T10:00:00.000Z', 10).map((entry) => [entry.kind, entry.entityId])).toEqual([['adjudication_resolution', 's1']]);
    expect(queued).toBe(1);
    expect(() => lead.resolveAdjudication('s1', { outcome: 'award', scores: [], note: 'again' })).toThrow(/already resolved/);
  });

  it('queues a lift again after the server refused the last one for that lockout (no entry left blocking it)', () => {
    const lift = { accountId: 'acct-assessor-1', credentialId: 'c1', note: 'Recalibrated in person.' };
    lead.liftLockout(lift);
    db.prepare(`UPDATE outbox SET state = 'conflict', last_error = 'refused_nothing_to_lift' WHERE kind = 'lockout_lift'`).run();
    lead.liftLockout({ ...lift, note: 'Again, after the call.' });
    expect(db.prepare(`SELECT state, payload FROM outbox WHERE kind = 'lockout_lift'`).all()).toEqual([{ state: 'pending', payload: expect.stringContaining('Again, after the call.') as unknown }]);
  });

  it('publishes a master batch only when every criterion has a level and a rationale, then removes it here', async () => {
    claimedSubmission(db, 's1');
    const rubric = manifestOf('s1').rubric;
    saveBatch(db, { id: 'master-1', label: 'Master scoring: Set', isDemo: false, kind: 'master', masterSet: { credentialId: manifestOf('s1').credential.id, title: 'Set', purpose: 'calibration' }, claimedAt: '2026-12-05T08:00:00.000Z', leaseExpiresAt: '2027-01-05T08:00:00.000Z', dueAt: '2027-01-05T08:00:00.000Z' });
    saveAssignment(db, { submissionId: 's1', batchId: 'master-1', position: 0, leaseExpiresAt: '2027-01-05T08:00:00.000Z', dueAt: '2027-01-05T08:00:00.000Z' });
    const created: unknown[] = [];
    api.on('POST /v1/calibration-sets', (request) => (created.push(request.body), { status: 200, body: { id: 'set-1', credentialId: manifestOf('s1').credential.id, title: 'Set', createdAt: '2026-12-05T10:00:00.000Z', submissionIds: ['s1'] } }));
    await expect(lead.publishMasterSet('master-1')).rejects.toThrow(/need a master level and a rationale/);
    for (const criterion of allCriteria(rubric)) {
      saveScore(db, 's1', criterion.id, 3, '2026-12-05T09:00:00.000Z');
      saveRationale(db, 's1', criterion.id, 'Seen at 2:10.', '2026-12-05T09:00:00.000Z');
    }
    expect(await lead.publishMasterSet('master-1')).toEqual({ setId: 'set-1', title: 'Set', submissions: 1 });
    expect(created).toEqual([expect.objectContaining({ title: 'Set', items: [expect.objectContaining({ submissionId: 's1' })] })]);
    expect(db.prepare(`SELECT count(*) AS n FROM batches WHERE id = 'master-1'`).get()).toEqual({ n: 0 });
    expect(fetches).toBe(1);
  });

  it('brings a submission under adjudication here only when it is in the synced queue', async () => {
    await expect(lead.openAdjudication('s1')).rejects.toMatchObject({ code: 'not_found' });
    saveSnapshot(db, 'adjudications', [adjudication], '2026-12-05T09:00:00.000Z');
    expect(await lead.openAdjudication('s1')).toEqual({ batchId: 'review-s1' });
  });
});
