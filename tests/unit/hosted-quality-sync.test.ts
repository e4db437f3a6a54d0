import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import type { ApiResult } from '../../electron/core/hosted/api-client';
import { QualitySync } from '../../electron/core/calibration/quality-sync';
import type { LeadDataComputed } from '../../electron/core/lead/data-worker/lead-data-messages';
import { LeadSync } from '../../electron/core/lead/lead-sync';
import { leadDashboard } from '../../electron/core/lead/views';
import { qualitySummary } from '../../electron/core/calibration/qualification';
import { dashboardsOf } from '../../shared/quality/dashboard';
import { emptyDatabase, FakeApi, FakeSession, manifestOf } from '../support/fake-hosted';
import { outboxJobs } from '../../electron/core/app/outbox-jobs';
import { systemClock } from '../../electron/core/platform/clock';
import { until } from '../support/until';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let api: FakeApi;
let session: FakeSession;
let workerAnswers: ((token: string) => ApiResult<LeadDataComputed> | Promise<ApiResult<LeadDataComputed>>)[];
let workerTokens: string[];
let quality: QualitySync;
let leadSync: LeadSync;
let told: string[];

const qualification = { credentialId: 'c1', credentialTitle: 'Credential', status: 'qualified', setId: null, scoredItems: 0, requiredItems: 0, exactAgreement: null, maxLevelsOff: null, reason: null };
const manifest = manifestOf('s1');
const computed = (): LeadDataComputed => {
  const meta = { credentials: [{ credential: manifest.credential, rubric: manifest.rubric }], assessors: [{ id: 'a1', displayName: 'Assessor one' }], rules: [], lockouts: [], qualifications: [] };
  const criterionId = manifest.rubric.components[0]!.criteria[0]!.id;
  const ratings = [{ assessorId: 'a1', credentialId: manifest.credential.id, submissionId: 's1', criterionId, level: 3, masterLevel: 3, source: 'calibration' as const, evidence: null, at: '2026-12-01T10:00:00.000Z' }];
  return { generatedAt: '2026-12-05T08:00:00.000Z', meta, dashboards: dashboardsOf({ ...meta, ratings }) };
};

beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
  api = new FakeApi()
    .on('GET /v1/me/qualifications', { qualifications: [qualification] })
    .on('GET /v1/me/accuracy', { weeks: [] })
    .on('GET /v1/calibration-sets', { sets: [] })
    .on('GET /v1/me/backreads', { reviews: [] })
    .on('GET /v1/me/referrals', { referrals: [] })
    .on('GET /v1/referrals', { referrals: [] })
    .on('GET /v1/adjudications', { adjudications: [] })
    .on('GET /v1/backreads', { backreads: [] });
  session = new FakeSession(api);
  workerAnswers = [];
  workerTokens = [];
  const leadData = {
    compute: (_serverUrl: string, token: string) => {
      workerTokens.push(token);
      return Promise.resolve(workerAnswers.shift()?.(token) ?? { ok: true as const, value: computed() });
    },
  };
  const clock = { ...systemClock, now: () => new Date('2026-12-05T09:00:00.000Z') };
  told = [];
  leadSync = new LeadSync({ db, session, leadData, clock, changes: { qualityData: () => void told.push('quality'), batchList: () => void told.push('batches') } });
  quality = new QualitySync({ db, session, work: { importLocalBatch: () => Promise.reject(new Error('not here')) }, clock, fetchers: [leadSync], keptUntilSynced: outboxJobs.kindsWhere((job) => job.keepsPayloadUntilSynced === true), onFetched: () => undefined });
});
afterEach(() => store.dispose());

describe('quality data kept for offline use', () => {
  it('keeps the assessor’s qualification, accuracy and sets, and asks no lead data of an assessor', async () => {
    const summary = await quality.fetch();
    expect(summary).toMatchObject({ fetchedAt: '2026-12-05T09:00:00.000Z', qualifications: [qualification] });
    expect(qualitySummary(db)).toEqual(summary);
    expect(workerTokens).toEqual([]);
    expect(quality.isDue()).toBe(false);
    quality.markDue();
    expect(quality.isDue()).toBe(true);
  });

  it('stores the dashboards the worker computed, and says it is updating while it works', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    let release!: () => void;
    workerAnswers.push(() => new Promise((resolve) => (release = () => resolve({ ok: true, value: computed() }))));
    const fetching = quality.fetch();
    await until(() => Promise.resolve(leadSync.updating), 'the worker to begin');
    expect(leadSync.updating).toBe(true);
    expect(leadDashboard(db, null, leadSync.updating)).toMatchObject({ dashboard: null, updating: true });
    release();
    await fetching;
    expect(leadSync.updating).toBe(false);
    const view = leadDashboard(db, null, false);
    expect(view.fetchedAt).toBe('2026-12-05T08:00:00.000Z');
    expect(view.dashboard?.assessors).toEqual([expect.objectContaining({ id: 'a1', n: 1 })]);
  });

  it('renews a token the worker found lapsed, once, and sends the job again', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    workerAnswers.push(() => ({ ok: false, failure: { kind: 'unauthorized', code: 'token_expired' } }));
    await quality.fetch();
    expect(workerTokens).toEqual(['access-token-1-aaaaaaaaaaaa', 'access-token-2-aaaaaaaaaaaa']);
    expect(leadDashboard(db, null, false).dashboard).not.toBeNull();
  });

  it('keeps nothing fetched under a session that ended meanwhile', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    workerAnswers.push(() => {
      session.end();
      return { ok: true, value: computed() };
    });
    await expect(quality.fetch()).rejects.toMatchObject({ code: 'forbidden' });
    expect(leadDashboard(db, null, false).fetchedAt).toBeNull();
  });

  it('fetches a lead’s queues alone when asked (no dashboards computed), keeps them and tells the views', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    api.calls.length = 0;
    await expect(leadSync.refreshQueues()).resolves.toEqual({ fetchedAt: '2026-12-05T09:00:00.000Z' });
    expect([...api.calls].sort()).toEqual(['GET /v1/adjudications', 'GET /v1/backreads', 'GET /v1/referrals']);
    expect(workerTokens).toEqual([]);
    expect(told).toEqual(['quality']);
    expect(db.prepare(`SELECT key, fetched_at FROM quality_snapshot WHERE key IN ('adjudications', 'backreads', 'lead_referrals') ORDER BY key`).all()).toEqual([
      { key: 'adjudications', fetched_at: '2026-12-05T09:00:00.000Z' },
      { key: 'backreads', fetched_at: '2026-12-05T09:00:00.000Z' },
      { key: 'lead_referrals', fetched_at: '2026-12-05T09:00:00.000Z' },
    ]);
  });

  it('keeps none of the queues fetched under a session that ended meanwhile', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    api.on('GET /v1/backreads', () => {
      session.end();
      return { status: 200, body: { backreads: [] } };
    });
    await expect(leadSync.refreshQueues()).rejects.toMatchObject({ code: 'forbidden' });
    expect(db.prepare(`SELECT count(*) AS n FROM quality_snapshot WHERE key IN ('adjudications', 'backreads', 'lead_referrals')`).get()).toEqual({ n: 0 });
    expect(told).toEqual([]);
  });

  it('keeps nothing a lead was shown once the account is no longer a lead: queues, everyone’s threads, dashboards', async () => {
    session.account = { ...session.account!, roles: ['assessor', 'lead'] };
    await quality.fetch();
    expect(db.prepare(`SELECT count(*) AS n FROM quality_snapshot WHERE key IN ('lead_meta', 'adjudications', 'backreads', 'lead_referrals') OR key LIKE 'dashboard:%'`).get()).toEqual({ n: 5 });
    session.account = { ...session.account, roles: ['assessor'] }; // the server took the role away
    told = [];
    await quality.fetch();
    expect(db.prepare(`SELECT key FROM quality_snapshot WHERE key IN ('lead_meta', 'adjudications', 'backreads', 'lead_referrals') OR key LIKE 'dashboard:%'`).all()).toEqual([]);
    expect(told).toContain('quality');
    expect(api.calls.filter((call) => call === 'GET /v1/adjudications')).toHaveLength(1); // asked as a lead only
  });
});
