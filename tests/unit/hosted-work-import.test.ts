import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { EvidenceAtRest } from '../../electron/core/evidence/at-rest';
import { WorkImport } from '../../electron/core/batches/work-import';
import { silentLogger } from '../support/silent-logger';
import { listQueue } from '../../electron/core/repositories/batches';
import { listEvidence } from '../../electron/core/repositories/evidence';
import { listNotices } from '../../electron/core/repositories/notices';
import { emptyDatabase, FakeApi, FakeSession, manifestOf, noAnswer } from '../support/fake-hosted';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let api: FakeApi;
let session: FakeSession;
let imported: string[][];
let leasesChanged: string[][];
let work: WorkImport;

const lease = (submissionId: string, position: number, batchId = 'batch-1') => ({ submissionId, batchId, position, leaseExpiresAt: '2026-12-12T00:00:00.000Z', dueAt: '2026-12-10T00:00:00.000Z', state: 'assigned' as const });
const claimAnswer = (ids: string[]) => ({ batch: { id: 'batch-1', claimedAt: '2026-12-05T08:00:00.000Z', leaseExpiresAt: '2026-12-12T00:00:00.000Z', dueAt: '2026-12-10T00:00:00.000Z' }, assignments: ids.map((id, index) => lease(id, index)) });

beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
  api = new FakeApi();
  session = new FakeSession(api);
  imported = [];
  leasesChanged = [];
  const atRest = new EvidenceAtRest({ db, dataDir: store.dir, key: () => session.evidenceKey, logger: silentLogger, now: () => new Date(), onRemoved: () => undefined });
  work = new WorkImport({ db, session, atRest, logger: silentLogger, now: () => new Date('2026-12-05T08:00:00.000Z'), onImported: (ids) => imported.push(ids), onLeasesChanged: (ids) => leasesChanged.push(ids) });
});
afterEach(() => store.dispose());

describe('importing work from the hosted API', () => {
  it('stores a claimed batch with its manifests, written responses sealed, and says what arrived', async () => {
    api.on('POST /v1/batches/claim', claimAnswer(['s1', 's2'])).on('GET /v1/submissions/s1', manifestOf('s1')).on('GET /v1/submissions/s2', manifestOf('s2'));
    expect(await work.claim(2)).toEqual({ batchId: 'batch-1', submissions: 2, waiting: 0 });
    expect(listQueue(db, 'batch-1', new Date()).map((item) => [item.submissionId, item.position, item.availableOffline])).toEqual([['s1', 0, false], ['s2', 1, false]]);
    const text = listEvidence(db, 's1').find((item) => item.kind === 'text')!;
    expect(text.text).toMatch(/^sealed:/);
    expect(text.text).not.toContain('students');
    expect(imported).toEqual([['s1', 's2']]);
  });

  it('keeps a batch whose manifests the network held back, and brings them with the next lease check', async () => {
    api.on('POST /v1/batches/claim', claimAnswer(['s1', 's2'])).on('GET /v1/submissions/s1', manifestOf('s1')).on('GET /v1/submissions/s2', () => noAnswer);
    expect(await work.claim(2)).toMatchObject({ submissions: 1, waiting: 1 });
    api.on('GET /v1/assignments', { assignments: [lease('s1', 0), lease('s2', 1)] }).on('GET /v1/submissions/s2', manifestOf('s2'));
    await work.recoverLeases();
    expect(listQueue(db, 'batch-1', new Date()).map((item) => item.submissionId)).toEqual(['s1', 's2']);
    expect(imported).toEqual([['s1'], ['s2']]);
  });

  it('marks leases the server released or no longer lists as reassigned, takes renewed ones, and holds them again when listed', async () => {
    api.on('POST /v1/batches/claim', claimAnswer(['s1', 's2', 's3'])).on('GET /v1/submissions/s1', manifestOf('s1')).on('GET /v1/submissions/s2', manifestOf('s2')).on('GET /v1/submissions/s3', manifestOf('s3'));
    await work.claim(3);
    const at = new Date('2026-12-05T08:00:00.000Z');
    const leases = (): [string, string][] => listQueue(db, 'batch-1', at).map((item) => [item.submissionId, item.lease]);
    expect(leases()).toEqual([['s1', 'held'], ['s2', 'held'], ['s3', 'held']]);
    // s1 renewed to end within a day, s2 released by a lead, s3 gone from the list.
    api.on('GET /v1/assignments', { assignments: [{ ...lease('s1', 0), leaseExpiresAt: '2026-12-06T07:00:00.000Z' }, { ...lease('s2', 1), state: 'released' }] });
    await work.recoverLeases();
    expect(leases()).toEqual([['s1', 'due_soon'], ['s2', 'reassigned'], ['s3', 'reassigned']]);
    expect(listQueue(db, 'batch-1', new Date('2026-12-06T08:00:00.000Z'))[0]!.lease).toBe('expired');
    expect(leasesChanged).toEqual([['s1', 's2', 's3']]);
    api.on('GET /v1/assignments', { assignments: [lease('s1', 0), lease('s2', 1), lease('s3', 2)] });
    await work.recoverLeases();
    expect(leases()).toEqual([['s1', 'held'], ['s2', 'held'], ['s3', 'held']]);
  });

  it('sets an unreadable manifest aside with a notice, keeps the rest, and does not fetch it again', async () => {
    api.on('POST /v1/batches/claim', claimAnswer(['s1', 's2'])).on('GET /v1/submissions/s1', manifestOf('s1')).on('GET /v1/submissions/s2', { id: 's2', label: 'not a manifest' });
    expect(await work.claim(2)).toMatchObject({ submissions: 1, waiting: 0 });
    expect(listNotices(db)).toEqual([expect.objectContaining({ kind: 'submission_quarantined', submissionId: 's2' })]);
    api.on('GET /v1/assignments', { assignments: [lease('s1', 0), lease('s2', 1)] });
    api.calls.length = 0;
    await work.recoverLeases();
    expect(api.calls).toEqual(['GET /v1/assignments']);
  });

  it('stores nothing that arrives after the session ended', async () => {
    api.on('POST /v1/batches/claim', claimAnswer(['s1'])).on('GET /v1/submissions/s1', () => {
      session.end();
      return { status: 200, body: manifestOf('s1') };
    });
    await expect(work.claim(1)).rejects.toMatchObject({ code: 'forbidden' });
    expect(listQueue(db, 'batch-1', new Date())).toEqual([]);
    expect(imported).toEqual([]);
  });

  it('imports a local batch whole or not at all, named from what arrived, kept for its days', async () => {
    api.on('GET /v1/submissions/s1', manifestOf('s1', 'Submission 7'));
    const review = await work.importLocalBatch({ id: 'review-s1', label: ([first]) => first?.label ?? '', kind: 'review', days: 7, submissionIds: ['s1'] });
    expect(review).toEqual({ batchId: 'review-s1', submissions: 1 });
    expect(db.prepare(`SELECT label, kind, due_at FROM batches WHERE id = 'review-s1'`).get()).toEqual({ label: 'Submission 7', kind: 'review', due_at: '2026-12-12T08:00:00.000Z' });
    api.on('GET /v1/submissions/s2', () => noAnswer);
    await expect(work.importLocalBatch({ id: 'calibration-x', label: 'Calibration: x', kind: 'calibration', days: 30, submissionIds: ['s1', 's2'], calibrationSetId: 'x' })).rejects.toMatchObject({ code: 'unavailable' });
    expect(db.prepare(`SELECT count(*) AS n FROM batches WHERE id = 'calibration-x'`).get()).toEqual({ n: 0 });
  });

  it('refuses a master batch whose submissions are for different micro-credentials', async () => {
    api.on('GET /v1/submissions/s1', manifestOf('s1'));
    await expect(work.importLocalBatch({ id: 'master-1', label: 'Master scoring: set', kind: 'master', days: 30, submissionIds: ['s1'], masterSet: { credentialId: 'another-credential', title: 'set', purpose: 'calibration' } })).rejects.toMatchObject({ code: 'conflict' });
  });
});
