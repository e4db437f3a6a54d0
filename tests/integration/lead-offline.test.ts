import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackreadQueue, LeadDashboardView, QualitySummary, ReferralView, SyncStatus, WorkspaceSummary } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
import { allCriteria } from '../../shared/domain/rubric';
import type { SubmissionDetail } from '../../shared/contract/methods';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { startRestartableApi } from '../support/reference-server';
import type { RestartableApi } from '../support/reference-server';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';

const root = projectPaths().root;
const credentials = ['dp-fl-credit-scores', 'dp-fl-compound-interest', 'dp-fl-risk-return'];
let serverDir: string;
let api: HostedApi;
/** The server as the workstations reach it: it goes away and starts again at the same address. */
let server: RestartableApi;
let assessor: CoreFixture;
let lead: CoreFixture;

const call = async <T>(fixture: CoreFixture, method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;

beforeAll(async () => {
  serverDir = tempDir('assessor-lead-offline-');
  ({ api, server } = await startRestartableApi({ dataDir: serverDir, openApiFile: defaultOpenApiFile(root) }));
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  // Every live decision backread; one override locks out until the credential's recalibration set is passed.
  for (const credentialId of credentials) {
    const { id } = api.store.db.prepare('SELECT id FROM submissions WHERE credential_id = ? ORDER BY position DESC LIMIT 1').get(credentialId) as { id: string };
    const scores = allCriteria(api.store.submission(id)!.rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Level 3.', evidence: [] }));
    const set = api.store.calibration.createSet('acct-lead', { credentialId, title: `Recalibration ${credentialId}`, purpose: 'calibration', items: [{ submissionId: id, scores }] }, new Date());
    const lockout = { minGoldExact: null, goldWindow: 10, maxOverrideShare: 0.1, backreadWindow: 1, recalibrationSetId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
    api.store.quality.setRules({ credentialId, qualification: null, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 1, lockout });
  }
  assessor = openTestCore();
  lead = openTestCore();
  await call(assessor, 'session.signIn', { serverUrl: server.url, email: 'assessor@example.org', password: seededPassword });
  await call(lead, 'session.signIn', { serverUrl: server.url, email: 'lead@example.org', password: seededPassword });
}, 120_000);
afterAll(async () => {
  assessor.dispose();
  lead.dispose();
  await server.close();
  cleanup(serverDir);
});

describe('a lead’s backreading, lifting and answering referrals, offline and online', () => {
  it('reviews and lifts while the server is away (queued, shown as waiting), delivers both when it is back; the assessor’s lockout and feedback read offline from the last sync', async () => {
    const { batchId } = await call<{ batchId: string }>(assessor, 'batch.claim', { size: 1 });
    const [item] = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items;
    const detail = await call<SubmissionDetail>(assessor, 'submission.open', { submissionId: item!.submissionId });
    for (const criterion of allCriteria(detail.rubric)) await call(assessor, 'draft.setScore', { submissionId: detail.submissionId, criterionId: criterion.id, level: 3 });
    await call(assessor, 'decision.submit', { submissionId: detail.submissionId, outcome: 'award', conditionCode: null, note: '' });
    await call(assessor, 'sync.now');

    await call(lead, 'quality.refresh');
    const queue = await call<BackreadQueue>(lead, 'lead.backreads');
    expect(queue.backreads.map((backread) => backread.submissionId)).toEqual([detail.submissionId]);

    await server.stop(); // the lead's laptop is offline from here
    const [first, ...rest] = allCriteria(detail.rubric);
    const review = { criteria: [{ criterionId: first!.id, verdict: 'override' as const, level: 2, note: 'Closed questions only.' }, ...rest.map((criterion) => ({ criterionId: criterion.id, verdict: 'agree' as const, level: null, note: '' }))], note: 'See the first criterion.' };
    const queued = await call<BackreadQueue>(lead, 'lead.reviewBackread', { submissionId: detail.submissionId, review });
    expect(queued.backreads[0]).toMatchObject({ reviewQueued: true, review: null });
    expect(await lead.core.invokeAsync('lead.reviewBackread', { submissionId: detail.submissionId, review })).toMatchObject({ ok: false, error: { code: 'conflict' } }); // once
    await until(async () => (await call<SyncStatus>(lead, 'sync.status')).waiting === 1, 'the review waiting to sync');

    api = await server.start();
    await call(lead, 'sync.now'); // back online: what failed while away goes at once
    await until(async () => (await call<SyncStatus>(lead, 'sync.status')).waiting === 0, 'the review to reach the server');
    expect(api.store.backreading.list()[0]?.review).toMatchObject({ note: 'See the first criterion.', reviewedBy: 'acct-lead' });
    expect(api.store.lockouts.active('acct-assessor-1', detail.credential.id)).not.toBeNull(); // the override tripped the rule

    // The lead's sync after the review fetches the lead's data in the background: it holds the lockout before the server goes away.
    await until(async () => (await call<LeadDashboardView>(lead, 'lead.dashboard', { credentialId: detail.credential.id })).lockouts.length === 1, 'the lead to learn of the lockout');
    // The assessor learns it with their next sync, and still reads it offline afterwards.
    await call(assessor, 'quality.refresh');
    await server.stop();
    const summary = await call<QualitySummary>(assessor, 'quality.status');
    expect(summary.qualifications.find((status) => status.credentialId === detail.credential.id)).toMatchObject({ status: 'locked_out', lockout: { trigger: 'backread', window: 1 } });
    expect(summary.backreadFeedback[0]?.criteria[0]).toMatchObject({ verdict: 'override', level: 3, leadLevel: 2, note: 'Closed questions only.' });

    // The lead lifts it offline; it waits, then reaches the server.
    await call(lead, 'quality.refresh').catch(() => undefined);
    const lifted = await call<LeadDashboardView>(lead, 'lead.liftLockout', { accountId: 'acct-assessor-1', credentialId: detail.credential.id, note: 'Talked it through.' });
    expect(lifted.lockouts[0]).toMatchObject({ liftQueued: true, lifted: null }); // shown as waiting to sync
    api = await server.start();
    await call(lead, 'sync.now');
    await until(async () => (await call<SyncStatus>(lead, 'sync.status')).waiting === 0, 'the lift to reach the server');
    expect(api.store.lockouts.active('acct-assessor-1', detail.credential.id)).toBeNull();
    expect(api.store.lockouts.all({ accountId: 'acct-assessor-1' })[0]?.lifted).toMatchObject({ how: 'lead', note: 'Talked it through.' });
    await call(lead, 'quality.refresh');
    const view = await call<LeadDashboardView>(lead, 'lead.dashboard', { credentialId: detail.credential.id });
    expect(view.lockouts[0]).toMatchObject({ liftQueued: false, lifted: { how: 'lead' } });
  }, 60_000);

  it('a referral round-trip: the assessor refers offline, the lead answers offline, each side sees the other once back online, the thread stays with the submission', async () => {
    const { batchId } = await call<{ batchId: string }>(assessor, 'batch.claim', { size: 1 });
    const [item] = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items;
    const submissionId = item!.submissionId;
    expect((await call<SubmissionDetail>(assessor, 'submission.open', { submissionId })).referable).toBe(true);
    const demo = await assessor.core.invokeAsync('referral.create', { submissionId: 'demo-sub-001', reason: 'other', question: 'Why?' });
    expect(demo).toMatchObject({ ok: false, error: { code: 'conflict' } }); // the demo reaches no lead
    const outboxBefore = assessor.db.prepare('SELECT count(*) AS n FROM outbox').get();
    for (const elsewhere of ['sub-doesnotexist', 'sub-83383164b77d']) {
      expect(await assessor.core.invokeAsync('referral.create', { submissionId: elsewhere, reason: 'other', question: 'Why?' }), elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } }); // not claimed here: never queued
    }
    expect(assessor.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore);

    await server.stop();
    const referred = await call<{ referrals: ReferralView[] }>(assessor, 'referral.create', { submissionId, reason: 'rubric_unclear', question: 'Does a peer explanation count as the candidate questioning?' });
    expect(referred.referrals).toMatchObject([{ submissionId, reason: 'rubric_unclear', state: 'open', pending: true, messages: [{ body: 'Does a peer explanation count as the candidate questioning?', pending: true, mine: true }] }]);
    api = await server.start();
    await call(assessor, 'sync.now');
    await until(() => Promise.resolve(api.store.referrals.list('acct-assessor-1').length === 1), 'the referral to reach the server');

    await call(lead, 'quality.refresh');
    const [seen] = (await call<{ referrals: ReferralView[] }>(lead, 'referral.list', { submissionId: null })).referrals;
    expect(seen).toMatchObject({ submissionId, assessor: { displayName: 'Assessor One' }, state: 'open', pending: false });
    expect((await call<{ batchId: string }>(lead, 'lead.openReferral', { submissionId })).batchId).toBe(`review-${submissionId}`);
    await server.stop();
    const answered = await call<{ referrals: ReferralView[] }>(lead, 'referral.reply', { referralId: seen!.id, body: 'Only if the candidate prompted it: score what the teacher does.' });
    expect(answered.referrals[0]).toMatchObject({ state: 'answered', messages: [{ mine: false }, { pending: true, mine: true, author: { role: 'lead' } }] });
    api = await server.start();
    await call(lead, 'sync.now');
    await until(() => Promise.resolve(api.store.referrals.get(seen!.id)?.state === 'answered'), 'the answer to reach the server');

    await call(assessor, 'quality.refresh');
    await server.stop(); // read offline from the last sync
    const thread = (await call<{ referrals: ReferralView[] }>(assessor, 'referral.list', { submissionId })).referrals[0]!;
    expect(thread).toMatchObject({ state: 'answered', pending: false });
    expect(thread.messages.map((message) => [message.author.role, message.body, message.pending])).toEqual([
      ['assessor', 'Does a peer explanation count as the candidate questioning?', false],
      ['lead', 'Only if the candidate prompted it: score what the teacher does.', false],
    ]);
    api = await server.start();
  }, 60_000);

  it('a referral the server refuses for good (over the open limit) shows as not sent, waits for nothing, and holds no other account back', async () => {
    // The submission referred above (a lockout holds further claims back).
    const live = (await call<WorkspaceSummary>(assessor, 'workspace.summary')).batches.find((batch) => batch.kind === 'live' && !batch.isDemo && batch.total > 0)!;
    const [item] = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId: live.id })).items;
    const submissionId = item!.submissionId;
    // The assessor already has as many referrals waiting for a lead as the server allows.
    for (let index = 0; index < 20; index++) {
      api.store.referrals.create('acct-assessor-1', { id: randomUUID(), submissionId, reason: 'other', question: `Question ${index}`, at: new Date().toISOString() }, new Date());
    }
    await call(assessor, 'referral.create', { submissionId, reason: 'rubric_unclear', question: 'One more: how do I score this?' });
    await call(assessor, 'sync.now');
    const mine = async (): Promise<ReferralView> => (await call<{ referrals: ReferralView[] }>(assessor, 'referral.list', { submissionId })).referrals.find((referral) => referral.messages[0]?.body === 'One more: how do I score this?')!;
    await until(async () => (await mine()).messages[0]?.refused === true, 'the server to refuse the referral');
    const refused = await mine();
    expect(refused).toMatchObject({ pending: false, messages: [{ pending: false, refused: true }] });
    expect(await call(assessor, 'sync.status')).toMatchObject({ waiting: 0 });
    // Nothing of it is work another account must wait for.
    await call(assessor, 'session.signOut');
    await call(assessor, 'session.signIn', { serverUrl: server.url, email: 'assessor2@example.org', password: seededPassword });
  });
});
